using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Data.Workspaces;

namespace Studio.Web.ComponentTests.Segments;

/// <summary>The shared context with eight known customers (ages 22-64, four regions, a monetary column).</summary>
public class SegmentsTestContext : StudioTestContext
{
    public static readonly string[] Header = ["customer_id", "age", "region", "monetary"];

    public static readonly string[][] Rows =
    [
        ["C1", "22", "North", "120.5"], ["C2", "31", "South", "80"], ["C3", "35", "North", "310"], ["C4", "38", "East", "45.25"],
        ["C5", "41", "West", "0"], ["C6", "47", "North", "95"], ["C7", "55", "South", "500"], ["C8", "64", "East", "12"],
    ];

    public SegmentsTestContext() =>
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    public SegmentStore Store => Services.GetRequiredService<SegmentStore>();

    public async Task<(int WorkspaceId, Dataset Dataset)> SeedAsync()
    {
        await using var context = CreateDbContext();
        var workspace = new Workspace { Name = "Retail demo", CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        var path = Path.Combine(Storage.DataDir, "customers.csv");
        await File.WriteAllLinesAsync(path, [string.Join(',', Header), .. Rows.Select(r => string.Join(',', r))]);
        var dataset = await ImportCsvAsync(workspace.Id, path, "customers");
        return (workspace.Id, (await Datasets.FindAsync(dataset.Id))!);
    }
}
