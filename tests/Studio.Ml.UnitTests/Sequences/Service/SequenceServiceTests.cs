using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Ml.Evaluation;
using Studio.Ml.Projections.Vectors;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Studio.Ml.UnitTests.Service;

namespace Studio.Ml.UnitTests.Sequences.Service;

/// <summary>A sequence run through the shared training service: job, stored epochs, metrics, checkpoint, attention.</summary>
public sealed class SequenceServiceTests
{
    private static SequenceRunSpec SmallSpec(int epochs = 2) => new()
    {
        CustomerColumn = "customer_id",
        ItemColumn = "product_id",
        TimestampColumn = "timestamp",
        EventTypeColumn = "event_type",
        Sequence = new SequenceSpec
        {
            MaxLength = 5, MergeRepeatedItems = true, ItemDimension = 8, AttentionHiddenSizes = [8],
            Head = new ModelSpec { HiddenSizes = [16], Dropout = 0 }, Epochs = epochs, BatchSize = 256, MaxRankedTargets = 100,
        },
    };

    private static async Task<Dataset> SaveEventsAsync(ServiceHarness harness, int lines)
    {
        var path = Path.Combine(harness.Storage.DataDir, "events-head.csv");
        Directory.CreateDirectory(harness.Storage.DataDir);
        await File.WriteAllLinesAsync(path, File.ReadLines(Path.Combine(ServiceHarness.DemoFolder, "events.csv")).Take(lines));
        return await harness.ImportAsync(path, "events", Core.Datasets.DatasetRole.Events);
    }

    [Fact]
    public async Task StartAsync_DemoEvents_StoresEpochsMetricsWithPopularityAndServesAttention()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var events = await SaveEventsAsync(harness, 6000);

        var started = await harness.Get<SequenceTrainingService>().StartAsync(new StartSequenceRunRequest(harness.WorkspaceId, events.Id, "", SmallSpec()));
        var run = await harness.WaitForRunAsync(started.RunId);

        Assert.Equal(JobStatus.Succeeded, run.Status);
        Assert.Equal(SequenceFamilies.Attention, run.ModelKind);
        Assert.Equal("Next item", run.Task);
        Assert.Equal(2, (await harness.Get<TrainingRunStore>().EpochsAsync(run.Id)).Count);
        var metrics = ServiceJson.Metrics(run.TestMetricsJson);
        Assert.InRange(metrics[MetricNames.Auc], 0.5, 1);
        Assert.Equal(100, metrics[RankingMetrics.RankedTargets]);
        Assert.True(metrics.ContainsKey(SequenceFamilies.PopularityPrefix + RankingMetrics.HitRateName(10)));
        Assert.True(File.Exists(run.CheckpointPath));

        var attention = harness.Get<AttentionService>();
        var customer = (await attention.CustomersAsync(run.Id, "C00", limit: 5))[0];
        var top = await attention.TopCandidatesAsync(run.Id, customer, count: 3);
        var explained = await attention.ExplainAsync(run.Id, customer, top[0].ItemId);
        Assert.Equal(3, top.Count);
        Assert.Equal(top[0].Probability, explained.Probability, 1e-5);
        Assert.Equal(1.0, explained.Events.Sum(e => e.Weight), 1e-5);
        Assert.InRange(explained.Events.Count, 1, 5);
        var registered = await harness.Registry.RegisterAsync(run.Id, "next product");
        Assert.Equal(1, registered.Version);
        var scoring = await Assert.ThrowsAsync<ScoringRequestException>(() => harness.Registry.StartScoringAsync(registered.Id, events.Id));
        Assert.Contains("behaviour-sequence model", scoring.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VectorSources_SequenceRun_ItemAndCategoryTablesAndCustomerBehaviourFromTheCheckpoint()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var events = await SaveEventsAsync(harness, 3000);
        var products = await harness.ImportAsync(Path.Combine(ServiceHarness.DemoFolder, "products.csv"), "products", Core.Datasets.DatasetRole.Products);
        var spec = SmallSpec(epochs: 1) with
        {
            Category = new CategorySource { ProductsDatasetId = products.Id, ProductsItemColumn = "product_id", ProductsCategoryColumn = "category" },
        };
        var started = await harness.Get<SequenceTrainingService>().StartAsync(new StartSequenceRunRequest(harness.WorkspaceId, events.Id, "", spec));
        var run = await harness.WaitForRunAsync(started.RunId);
        var loader = harness.Get<VectorSourceLoader>();

        var sources = await loader.ListSourcesAsync(run.Id);
        var items = await loader.LoadAsync(new VectorSourceSpec(run.Id, VectorSourceKind.EmbeddingTable, "product_id"));
        var categories = await loader.LoadAsync(new VectorSourceSpec(run.Id, VectorSourceKind.EmbeddingTable, "category"));

        using var model = SequenceCheckpoint.Load(run.CheckpointPath!);
        Assert.Equal(["embedding:product_id", "embedding:category", "hidden"], sources.Select(s => s.Spec.Key));
        Assert.Equal("customer_id", sources[2].EntityLabel);
        Assert.Equal(16, sources[2].Dimensions);
        Assert.Equal(model.Vocabulary.Items, items.Keys);
        Assert.Equal(model.Vocabulary.Categories, categories.Keys);
        Assert.Equal(model.Vocabulary.Items.Count, sources[0].Count);
        Assert.Equal(8, items.Vectors.Columns);
        var table = model.ItemEmbedding("product_id");
        var last = items.Count - 1;
        for (var j = 0; j < 8; j++) Assert.Equal(table.Vectors[last + 1][j], items.Vectors[last, j], 1e-6);
        Assert.NotEqual(0, Enumerable.Range(0, 8).Sum(j => Math.Abs(items.Vectors[0, j])));

        // Behaviour: per customer, the mean of [item ‖ category] embeddings over the last T = 5 interactions, which is
        // exactly the window the attention viewer explains.
        var behaviour = await loader.LoadAsync(new VectorSourceSpec(run.Id, VectorSourceKind.HiddenLayer));
        Assert.Equal("customer_id", behaviour.EntityLabel);
        Assert.Equal(16, behaviour.Vectors.Columns);
        Assert.Equal(behaviour.Keys.Count, behaviour.Keys.Distinct().Count());
        var categoryTable = model.CategoryEmbedding("category");
        var attention = harness.Get<AttentionService>();
        var checkedFull = 0;
        for (var row = 0; row < behaviour.Count && checkedFull < 20; row++)
        {
            var window = (await attention.ExplainAsync(run.Id, behaviour.Keys[row], model.Vocabulary.Items[0])).Events;
            Assert.InRange(window.Count, 1, 5);
            if (row > 2 && window.Count < 5) continue; // full windows test the cut at T; the first rows test any length
            checkedFull += window.Count == 5 ? 1 : 0;
            for (var j = 0; j < 16; j++)
            {
                var expected = window.Average(e => j < 8
                    ? table.Vectors[IndexOf(table.Labels, e.ItemId)][j]
                    : categoryTable.Vectors[Math.Max(0, IndexOf(categoryTable.Labels, e.Category))][j - 8]);
                Assert.Equal(expected, behaviour.Vectors[row, j], 1e-5);
            }
        }
        Assert.Equal(20, checkedFull);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => loader.LoadAsync(new VectorSourceSpec(run.Id, VectorSourceKind.EmbeddingTable, "device")));
    }

    [Fact]
    public async Task StartAsync_CategoryTargetWithoutCategory_ExplainsTheCombination()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var events = await SaveEventsAsync(harness, 50);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Get<SequenceTrainingService>().StartAsync(
            new StartSequenceRunRequest(harness.WorkspaceId, events.Id, "", SmallSpec() with { Target = SequenceTarget.Category, TimestampColumn = "when" })));

        Assert.Contains("next category needs a category", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column \"when\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_RunningSequenceRun_EndsCancelled()
    {
        await using var harness = await ServiceHarness.StartAsync();
        var events = await SaveEventsAsync(harness, 20000);
        var started = await harness.Get<SequenceTrainingService>().StartAsync(new StartSequenceRunRequest(harness.WorkspaceId, events.Id, "", SmallSpec(epochs: 50)));
        await harness.WaitForRunAsync(started.RunId, r => r.Status == JobStatus.Running);

        harness.Get<Data.Jobs.JobQueue>().Cancel(started.JobId);
        var run = await harness.WaitForRunAsync(started.RunId);

        Assert.Equal(JobStatus.Cancelled, run.Status);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 1; i < labels.Count; i++)
            if (labels[i] == label) return i;
        return -1;
    }
}
