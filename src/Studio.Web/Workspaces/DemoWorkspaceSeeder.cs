using Microsoft.EntityFrameworkCore;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Experiments;
using Studio.Data.Jobs;
using Studio.Data.Workspaces;
using Studio.Web.Hosting;

namespace Studio.Web.Workspaces;

/// <summary>
/// On the very first start (no workspace yet) creates the "Retail demo" workspace and imports
/// <c>sample-datasets/retail-demo</c> into it as a background job, so a newcomer sees data at once; the job then defines
/// the demo's two planted experiments (see <see cref="DemoExperiments"/>), so their readouts open at once too.
/// </summary>
public sealed class DemoWorkspaceSeeder(
    IDbContextFactory<StudioDbContext> contextFactory,
    JobQueue jobs,
    StudioPaths paths,
    TimeProvider time)
{
    public const string WorkspaceName = "Retail demo";

    public static readonly IReadOnlyList<(string File, string Name, DatasetRole Role)> DemoFiles =
    [
        ("customers.csv", "customers", DatasetRole.Customers),
        ("products.csv", "products", DatasetRole.Products),
        ("events.csv", "events", DatasetRole.Events),
        ("offers.csv", "offers", DatasetRole.Offers),
        ("experiments.csv", "experiments", DatasetRole.Experiments),
    ];

    public string DemoFolder => Path.Combine(paths.SampleDatasets, "retail-demo");

    public async Task<Guid?> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        int workspaceId;
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await context.Workspaces.AnyAsync(cancellationToken)) return null;
            var workspace = new Workspace
            {
                Name = WorkspaceName,
                Description = "Synthetic retail brand with planted segments, triggers and experiment effects.",
                IsDemo = true,
                CreatedAt = time.GetUtcNow(),
            };
            context.Workspaces.Add(workspace);
            await context.SaveChangesAsync(cancellationToken);
            workspaceId = workspace.Id;
        }

        var files = DemoFiles.Where(f => File.Exists(Path.Combine(DemoFolder, f.File))).ToList();
        if (files.Count == 0) return null;
        return await jobs.EnqueueAsync(new JobRequest(JobKind.Import, "Import the retail demo datasets",
            job => ImportAsync(job, workspaceId, files), workspaceId), cancellationToken);
    }

    private async Task<string?> ImportAsync(JobContext job, int workspaceId, List<(string File, string Name, DatasetRole Role)> files)
    {
        var importer = job.Services.GetRequiredService<IDatasetImporter>();
        var artifacts = job.Services.GetRequiredService<DatasetArtifacts>();
        Dataset? experimentLog = null;
        for (var i = 0; i < files.Count; i++)
        {
            var (file, name, role) = files[i];
            var share = 1.0 / files.Count;
            var progress = new SynchronousProgress<ImportProgress>(p =>
                job.Report(share * (i + (p.TotalBytes > 0 ? (double)p.BytesRead / p.TotalBytes : 0)),
                    $"{file}: {p.Rows:N0} rows"));
            var result = await importer.ImportWithReportAsync(new ImportRequest(workspaceId, Path.Combine(DemoFolder, file), name, role, file),
                progress, job.CancellationToken);
            await artifacts.SaveAsync(result.Dataset.Id, DatasetArtifacts.ImportReport, result.Report, CancellationToken.None);
            if (role == DatasetRole.Experiments) experimentLog = result.Dataset;
        }

        if (experimentLog is not null)
        {
            var repository = job.Services.GetRequiredService<ExperimentRepository>();
            foreach (var experiment in DemoExperiments.For(experimentLog)) await repository.AddAsync(experiment, job.CancellationToken);
        }

        job.Report(1, $"Imported {files.Count} datasets");
        return null;
    }
}
