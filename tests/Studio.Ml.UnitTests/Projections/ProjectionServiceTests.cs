using Studio.Analysis.Projections;
using Studio.Core.Jobs;
using Studio.Data.Models;
using Studio.Data.Projections;
using Studio.Ml.Checkpoints;
using Studio.Ml.Projections;
using Studio.Ml.Projections.Jobs;
using Studio.Ml.Projections.Vectors;
using Studio.Ml.Service;
using Studio.Ml.UnitTests.Service;

namespace Studio.Ml.UnitTests.Projections;

/// <summary>Vector sources and cached projection jobs over one small model trained on the demo customers.</summary>
public sealed class ProjectionServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;
    private TrainingRun _run = null!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        var dataset = await _harness.SaveDemoCustomersAsync();
        var spec = TrainingServiceTests.DemoSpec(epochs: 1) with
        {
            CategoricalColumns = ["customer_id", "region", "channel", "income_band"],
            Embedding = new Studio.Ml.Training.EmbeddingSpec { Dimension = 6 },
        };
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, dataset.Id, "emb", spec));
        _run = await _harness.WaitForRunAsync(started.RunId);
        Assert.Equal(JobStatus.Succeeded, _run.Status);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private VectorSourceLoader Loader => _harness.Get<VectorSourceLoader>();
    private ProjectionService Service => _harness.Get<ProjectionService>();

    [Fact]
    public async Task ListSources_TrainedMlp_EmbeddingPerFieldThenHiddenLayer()
    {
        var sources = await Loader.ListSourcesAsync(_run.Id);

        Assert.Equal(["embedding:customer_id", "embedding:region", "embedding:channel", "embedding:income_band", "hidden"], sources.Select(s => s.Spec.Key));
        var region = sources[1];
        Assert.Equal(5, region.Count); // Central, East, North, South, West (the unknown bucket is not an entity)
        Assert.Equal(6, region.Dimensions);
        var hidden = sources[^1];
        Assert.Equal("customer_id", hidden.EntityLabel);
        Assert.Equal(5000, hidden.Count);
        Assert.Equal(16, hidden.Dimensions); // the last of HiddenSizes [32, 16]
    }

    [Fact]
    public async Task Load_EmbeddingTable_RowsEqualTheCheckpointsTableWithoutUnknownBucket()
    {
        var vectors = await Loader.LoadAsync(new VectorSourceSpec(_run.Id, VectorSourceKind.EmbeddingTable, "region"));

        using var model = ModelCheckpoint.Load(_run.CheckpointPath!);
        var table = model.Embedding("region");
        Assert.Equal(table.Labels.Skip(1), vectors.Keys);
        Assert.Equal(5, vectors.Vectors.Rows);
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 6; j++)
                Assert.Equal(table.Vectors[i + 1][j], vectors.Vectors[i, j], 6);
        Assert.Equal(_run.DatasetId, vectors.DatasetId);
    }

    [Fact]
    public async Task Load_HiddenLayer_OneVectorPerCustomerMatchingHiddenActivations()
    {
        var vectors = await Loader.LoadAsync(new VectorSourceSpec(_run.Id, VectorSourceKind.HiddenLayer));

        Assert.Equal("customer_id", vectors.EntityLabel);
        Assert.Equal(5000, vectors.Count);
        Assert.Equal("C000001", vectors.Keys[0]);
        Assert.Equal(vectors.Count, vectors.Keys.Distinct().Count());
        var dataset = (await _harness.Get<Data.Datasets.DatasetRepository>().FindAsync(_run.DatasetId))!;
        using var model = ModelCheckpoint.Load(_run.CheckpointPath!);
        var table = await _harness.Get<DatasetFeatureLoader>().LoadAsync(dataset, model.Spec);
        var hidden = model.HiddenActivations(table);
        Assert.Equal(hidden[0][3], vectors.Vectors[0, 3], 6);
        Assert.Equal(hidden[4999][15], vectors.Vectors[4999, 15], 6);
    }

    [Fact]
    public async Task Start_SameParametersTwice_SecondIsACacheHitDifferentParametersQueueANewJob()
    {
        var source = new VectorSourceSpec(_run.Id, VectorSourceKind.EmbeddingTable, "channel");
        var request = new ProjectionRequest(ProjectionMethod.Pca, Dimensions: 2, QualityK: 1);

        var first = await Service.StartAsync(_harness.WorkspaceId, source, request);
        Assert.False(first.Cached);
        await _harness.WaitForJobAsync(first.JobId!.Value);
        var second = await Service.StartAsync(_harness.WorkspaceId, source, request);
        var other = await Service.StartAsync(_harness.WorkspaceId, source, request with { Dimensions = 3 });

        Assert.True(second.Cached);
        Assert.Equal(first.ProjectionId, second.ProjectionId);
        Assert.Equal(first.JobId, second.JobId);
        Assert.False(other.Cached);
        Assert.NotEqual(first.ProjectionId, other.ProjectionId);
        await _harness.WaitForJobAsync(other.JobId!.Value);
        var (row, keys, bytes) = await Service.ReadAsync(other.ProjectionId);
        Assert.Equal(JobStatus.Succeeded, row.Status);
        Assert.Equal(keys.Count * 3 * sizeof(float), bytes.Length);
        Assert.InRange(row.Trustworthiness!.Value, 0, 1);
    }

    [Fact]
    public async Task Start_PcaOfHiddenLayer_StoresCoordinatesEqualToPcaAndNeighboursOnOriginalVectors()
    {
        var source = new VectorSourceSpec(_run.Id, VectorSourceKind.HiddenLayer);
        var start = await Service.StartAsync(_harness.WorkspaceId, source, new ProjectionRequest(ProjectionMethod.Pca, QualityRows: 300));
        var job = await _harness.WaitForJobAsync(start.JobId!.Value);
        Assert.Equal(JobStatus.Succeeded, job.Status);

        var (row, keys, _) = await Service.ReadAsync(start.ProjectionId);
        var coordinates = await ProjectionFiles.ReadCoordinatesAsync(row.FolderPath!);
        var vectors = await Loader.LoadAsync(source);
        var pca = Pca.Fit(vectors.Vectors, 2);
        Assert.Equal(5000, keys.Count);
        Assert.Equal(pca.Coordinates[17, 1], coordinates[17 * 2 + 1], 4);
        Assert.InRange(row.Trustworthiness!.Value, 0.5, 1);

        var neighbours = await Service.NeighborsAsync(start.ProjectionId, 17, k: 5);
        var expected = NearestNeighbors.Query(vectors.Vectors, 17, 5, DistanceMetric.Cosine);
        Assert.Equal(expected.Select(n => n.Index), neighbours.Cosine.Select(n => n.Index));
        Assert.Equal(keys[17], neighbours.Key);
        Assert.Equal(5, neighbours.Euclidean.Count);
        Assert.True(neighbours.Euclidean.Zip(neighbours.Euclidean.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
    }

    [Fact]
    public async Task Start_TsnePerplexityAboveSourceSize_RejectedWithReasonAndNoJob()
    {
        var source = new VectorSourceSpec(_run.Id, VectorSourceKind.EmbeddingTable, "region");
        var request = new ProjectionRequest(ProjectionMethod.Tsne, Tsne: new TsneSpec(Perplexity: 30));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Service.StartAsync(_harness.WorkspaceId, source, request));

        Assert.Contains("Perplexity must be above 1 and below the 5 points", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _harness.Get<ProjectionStore>().ListForRunAsync(_run.Id));
    }
}
