using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Workspaces;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;

namespace Studio.Web.ComponentTests.Models;

/// <summary>A small trained sequence run on the first demo events: the run is stored and its job body run inline.</summary>
internal static class SequenceRunSeed
{
    public static string DemoFile(string name) => Path.Combine(RepositoryRoot(), "sample-datasets", "retail-demo", name);

    public static async Task<(int WorkspaceId, Dataset Events, Dataset Products)> SeedAsync(StudioTestContext test, int eventLines = 4000)
    {
        await using var context = test.CreateDbContext();
        var workspace = new Workspace { Name = "Retail demo", CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        var head = Path.Combine(test.Storage.DataDir, "events.csv");
        await File.WriteAllLinesAsync(head, File.ReadLines(DemoFile("events.csv")).Take(eventLines));
        var events = await test.ImportCsvAsync(workspace.Id, head, "events", DatasetRole.Events);
        var products = await test.ImportCsvAsync(workspace.Id, DemoFile("products.csv"), "products", DatasetRole.Products);
        return (workspace.Id, events, products);
    }

    public static async Task<int> TrainAsync(StudioTestContext test)
    {
        var (workspaceId, events, products) = await SeedAsync(test);
        var spec = new SequenceRunSpec
        {
            CustomerColumn = "customer_id",
            ItemColumn = "product_id",
            TimestampColumn = "timestamp",
            EventTypeColumn = "event_type",
            Category = new CategorySource { ProductsDatasetId = products.Id, ProductsItemColumn = "product_id", ProductsCategoryColumn = "category" },
            Sequence = new SequenceSpec
            {
                MaxLength = 6, MergeRepeatedItems = true, ItemDimension = 8, AttentionHiddenSizes = [8],
                Head = new ModelSpec { HiddenSizes = [16], Dropout = 0 }, Epochs = 2, BatchSize = 256, MaxRankedTargets = 100,
            },
        };
        var started = await test.Services.GetRequiredService<SequenceTrainingService>()
            .StartAsync(new StartSequenceRunRequest(workspaceId, events.Id, "next product", spec));
        var job = new JobContext(started.JobId, test.Services, CancellationToken.None, new Progress<JobProgress>());
        await test.Services.GetRequiredService<SequenceRunJob>().RunAsync(job, started.RunId);
        return started.RunId;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Studio.sln not found");
    }
}
