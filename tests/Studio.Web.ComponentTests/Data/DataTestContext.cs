using Microsoft.Extensions.DependencyInjection;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Workspaces;

namespace Studio.Web.ComponentTests.Data;

/// <summary>The shared context plus the analysis services and a helper that imports a CSV into a fresh workspace.</summary>
public class DataTestContext : StudioTestContext
{
    public async Task<Dataset> ImportAsync(string fileName, string csv, DatasetRole role = DatasetRole.Table)
    {
        await using var context = CreateDbContext();
        var workspace = context.Workspaces.FirstOrDefault() ?? new Workspace { Name = "Test", CreatedAt = DateTimeOffset.UtcNow };
        if (workspace.Id == 0)
        {
            context.Workspaces.Add(workspace);
            await context.SaveChangesAsync();
        }
        Directory.CreateDirectory(Storage.UploadsDir);
        var path = Path.Combine(Storage.UploadsDir, fileName);
        await File.WriteAllTextAsync(path, csv);
        var importer = Services.GetRequiredService<IDatasetImporter>();
        var dataset = await importer.ImportAsync(new ImportRequest(workspace.Id, path, Path.GetFileNameWithoutExtension(fileName), role, fileName), null, CancellationToken.None);
        return (await Datasets.FindAsync(dataset.Id))!;
    }

    public Task<ImportPreview> SniffAsync(string fileName, string csv)
    {
        Directory.CreateDirectory(Storage.UploadsDir);
        var path = Path.Combine(Storage.UploadsDir, fileName);
        File.WriteAllText(path, csv);
        return Services.GetRequiredService<IDatasetImporter>().SniffAsync(path, fileName);
    }
}
