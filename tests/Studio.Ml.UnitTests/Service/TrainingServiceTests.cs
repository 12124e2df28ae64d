using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Ml.Checkpoints;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Service;

public sealed class TrainingServiceTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;
    private int _datasetId;

    public static TrainingSpec DemoSpec(int epochs = 3) => new()
    {
        TargetColumn = "purchased_next_30d",
        CategoricalColumns = ["gender", "region", "channel", "income_band", "loyalty_tier", "email_opt_in"],
        NumericColumns = ["age", "city_tier"],
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenSizes = [32, 16] },
        Epochs = epochs,
        BatchSize = 128,
        EarlyStopping = null,
        Split = new SplitSpec { Kind = SplitKind.Stratified },
    };

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _datasetId = (await _harness.SaveDemoCustomersAsync()).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Run_DemoCustomers_SavesEveryEpochTestMetricsAndBestCheckpoint()
    {
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _datasetId, "propensity", DemoSpec(epochs: 3)));

        var run = await _harness.WaitForRunAsync(started.RunId);
        var epochs = await _harness.Get<TrainingRunStore>().EpochsAsync(started.RunId);
        var job = await _harness.WaitForJobAsync(started.JobId);

        Assert.Equal(JobStatus.Succeeded, run.Status);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.True(e.TrainLoss is > 0 and < 1 && e.SamplesPerSecond > 0));
        Assert.All(epochs, e => Assert.Contains(MetricNames.Auc, ServiceJson.Metrics(e.ValidationMetricsJson).Keys));
        Assert.Equal(epochs.Single(e => e.IsBest && e.Epoch == run.BestEpoch).Epoch, run.BestEpoch);
        var metrics = ServiceJson.Metrics(run.TestMetricsJson);
        Assert.InRange(metrics[MetricNames.Auc], 0.5, 1.0); // attributes alone carry little signal: the propensity is mostly behavioural
        var predictions = TrainingRunStore.Predictions(run)!;
        Assert.Equal(750, predictions.Scores.Length); // 15 % of 5,000 customers
        Assert.Equal(metrics[MetricNames.Auc], BinaryMetrics.Auc(predictions.BinaryLabels, predictions.Scores), 12);
        Assert.True(File.Exists(run.CheckpointPath));
        Assert.Equal(run.Seed, ModelCheckpoint.ReadSpec(run.CheckpointPath!).Seed);
    }

    [Fact]
    public async Task Start_TargetAlsoFeature_RejectedBeforeAnyJob()
    {
        var spec = DemoSpec() with { NumericColumns = ["age", "purchased_next_30d"] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _datasetId, "bad", spec)));

        Assert.Contains("cannot also be a feature", error.Message, StringComparison.Ordinal);
        await using var context = await _harness.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await context.TrainingRuns.CountAsync());
        Assert.Equal(0, await context.Jobs.CountAsync());
    }

    [Fact]
    public async Task Cancel_WhileTraining_MarksRunCancelledAndKeepsBestCheckpoint()
    {
        var spec = DemoSpec(epochs: 200) with { BatchSize = 32 };
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _datasetId, "long", spec));
        await _harness.WaitForRunAsync(started.RunId, r => r.CheckpointPath is not null);

        Assert.True(_harness.Get<JobQueue>().Cancel(started.JobId));
        var run = await _harness.WaitForRunAsync(started.RunId, timeoutSeconds: 30);
        var job = await _harness.WaitForJobAsync(started.JobId);
        var epochs = await _harness.Get<TrainingRunStore>().EpochsAsync(started.RunId);

        Assert.Equal(JobStatus.Cancelled, run.Status);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.InRange(epochs.Count, 1, 199);
        Assert.True(File.Exists(run.CheckpointPath));
        Assert.Null(run.TestMetricsJson);
    }

    [Fact]
    public async Task Restart_RunCutOff_MarkedInterruptedWithItsCheckpoint()
    {
        var checkpoint = Path.Combine(_harness.Storage.ModelsDir, "run-cut.zip");
        await File.WriteAllTextAsync(checkpoint, "best so far");
        int runId;
        await using (var context = await _harness.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var run = new TrainingRun
            {
                WorkspaceId = _harness.WorkspaceId, DatasetId = _datasetId, DatasetName = "customers", Name = "cut",
                SpecJson = ServiceJson.Serialize(DemoSpec()), ModelKind = "Mlp", Task = "Binary", TargetColumn = "purchased_next_30d",
                Status = JobStatus.Running, CheckpointPath = checkpoint, BestEpoch = 4,
            };
            context.TrainingRuns.Add(run);
            await context.SaveChangesAsync();
            runId = run.Id;
        }
        await _harness.StopWorkersAsync();

        await using var restarted = await ServiceHarness.StartAsync(_harness.Storage.DataDir);
        var after = await restarted.RunAsync(runId);

        Assert.Equal(JobStatus.Interrupted, after.Status);
        Assert.Equal(checkpoint, after.CheckpointPath);
        Assert.Equal(4, after.BestEpoch);
        Assert.True(File.Exists(checkpoint));
        Assert.Contains("restart", after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_RegisterAndScore_VersionsCountUpAndScoresEqualTestPredictions()
    {
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _datasetId, "propensity", DemoSpec(epochs: 2)));
        var run = await _harness.WaitForRunAsync(started.RunId);

        var first = await _harness.Registry.RegisterAsync(run.Id, "propensity");
        var second = await _harness.Registry.RegisterAsync(run.Id, "propensity");
        await _harness.Registry.SetInUseAsync(second.Id);
        var models = await _harness.Registry.ListAsync(_harness.WorkspaceId);
        var scoring = await _harness.Registry.StartScoringAsync(second.Id, _datasetId);
        var job = await _harness.WaitForJobAsync(scoring.JobId);
        var set = Assert.Single(await _harness.Registry.ScoreSetsAsync(second.Id));

        Assert.Equal((1, true), (first.Version, first.InUse));
        Assert.Equal(2, second.Version);
        Assert.Equal([false, true], models.OrderBy(m => m.Version).Select(m => m.InUse));
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var lines = await File.ReadAllLinesAsync(set.FilePath);
        Assert.Equal("customer_id,score", lines[0]);
        Assert.Equal(5000, lines.Length - 1);
        Assert.Equal(5000, set.RowCount);
        var scores = lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var test = TrainingRunStore.Predictions(run)!;
        // Scoring runs the whole table in other batch shapes than the test evaluation did, and libtorch's float32
        // matmul kernels block (and so round) differently per shape and per CPU (AVX2 vs AVX-512: 0.2283381373 vs
        // 0.2283381075 seen). Scores are float32 probabilities: 1e-6 is ~30 ulps at 0.2, far below any model difference.
        for (var i = 0; i < test.Rows.Count; i++)
        {
            Assert.Equal(test.Scores[i], scores[test.Rows[i]], 1e-6);
        }
        Assert.Equal("C000001", lines[1].Split(',')[0]);
    }

    [Fact]
    public async Task Registry_EightRegistrationsAtOnce_ConsecutiveVersionsNoFailure()
    {
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _datasetId, "propensity", DemoSpec(epochs: 1)));
        var run = await _harness.WaitForRunAsync(started.RunId);
        using var start = new ManualResetEventSlim();

        var registrations = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await _harness.Registry.RegisterAsync(run.Id, "propensity");
        })).ToList();
        start.Set();
        var models = await Task.WhenAll(registrations); // numbered outside a transaction, these collided on the unique index

        Assert.Equal(Enumerable.Range(1, 8), models.Select(m => m.Version).Order());
        Assert.Single(models, m => m.InUse);
    }
}
