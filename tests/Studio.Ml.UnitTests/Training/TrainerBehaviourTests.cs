using Studio.Ml.Checkpoints;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

public sealed class TrainerBehaviourTests
{
    private static readonly Lazy<SyntheticPropensity> Small = new(() => SyntheticPropensity.Generate(4_000, seed: 5));

    [Fact]
    public void EarlyStopping_OverfittingModel_StopsAndRestoresBestEpoch()
    {
        // A wide net with a large learning rate on few rows overfits after a few epochs.
        var spec = SyntheticPropensity.Spec(ModelKind.Mlp) with
        {
            Model = new ModelSpec { HiddenSizes = [256, 256], Dropout = 0 },
            Embedding = new EmbeddingSpec { Dimension = 32 },
            Optimizer = new OptimizerSpec { Kind = OptimizerKind.Adam, LearningRate = 0.01 },
            BatchSize = 64,
            Epochs = 30,
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.ValidationLoss, Patience = 2 },
        };
        var checkpoint = Path.Combine(Path.GetTempPath(), $"studio-best-{Guid.NewGuid():N}.zip");

        var result = new ModelTrainer().Train(spec, Small.Value.Table, new TrainingOptions { CheckpointPath = checkpoint });
        using var model = result.Model;

        Assert.True(result.StoppedEarly);
        Assert.Equal(result.BestEpoch + 2, result.History.Count);
        var best = result.History.Single(e => e.Epoch == result.BestEpoch);
        Assert.Equal(result.History.Min(e => e.ValidationLoss), best.ValidationLoss);
        Assert.True(best.IsBest);

        // The returned weights are the best epoch's: its validation metrics come back exactly.
        var validation = model.Predict(Small.Value.Table.Select(result.Split.Validation));
        Assert.Equal(best.ValidationMetrics[MetricNames.Auc], BinaryMetrics.Auc(validation.BinaryLabels, validation.Scores), 12);

        // … and the checkpoint written during training holds the same weights.
        using var fromDisk = ModelCheckpoint.Load(checkpoint);
        Assert.Equal(validation.Scores, fromDisk.Predict(Small.Value.Table.Select(result.Split.Validation)).Scores);
        File.Delete(checkpoint);
    }

    [Fact]
    public void Cancel_DuringBatchThree_StopsBeforeBatchFour()
    {
        using var cancellation = new CancellationTokenSource();
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(p =>
        {
            reports.Add(p);
            if (p is { Phase: TrainingPhase.Training, Epoch: 2, Batch: 3 })
            {
                cancellation.Cancel();
            }
        });
        var spec = SyntheticPropensity.Spec(ModelKind.Mlp) with { BatchSize = 128 };

        var error = Assert.Throws<TrainingCancelledException>(() =>
            new ModelTrainer().Train(spec, Small.Value.Table, new TrainingOptions { ProgressInterval = TimeSpan.Zero }, progress, cancellation.Token));

        var batchesPerEpoch = reports[0].BatchesPerEpoch;
        Assert.Equal(batchesPerEpoch + 3, error.BatchesCompleted);
        Assert.Single(error.History);
        Assert.Equal(3, reports[^1].Batch);
        Assert.Equal(2, reports[^1].Epoch);
    }

    [Fact]
    public void Progress_LongInterval_ReportsOnlyEpochEndsAndTesting()
    {
        var reports = new List<TrainingProgress>();
        var spec = SyntheticPropensity.Spec(ModelKind.LogisticRegression) with { Epochs = 3, EarlyStopping = null };

        using var model = new ModelTrainer().Train(spec, Small.Value.Table, new TrainingOptions { ProgressInterval = TimeSpan.FromHours(1) }, new SynchronousProgress(reports.Add)).Model;

        Assert.Equal([TrainingPhase.EpochCompleted, TrainingPhase.EpochCompleted, TrainingPhase.EpochCompleted, TrainingPhase.Testing], reports.Select(r => r.Phase));
        Assert.Equal([1, 2, 3], reports.Take(3).Select(r => r.Completed!.Epoch));
        Assert.All(reports.Take(3), r => Assert.True(r.SamplesPerSecond > 0 && r.Completed!.ValidationMetrics.ContainsKey(MetricNames.Auc)));
        Assert.Equal(TimeSpan.Zero, reports[2].EstimatedRemaining);
    }

    [Fact]
    public void SameSeed_TrainsIdenticalModels()
    {
        var spec = SyntheticPropensity.Spec(ModelKind.DeepFM) with { Epochs = 2, EarlyStopping = null };
        var first = new ModelTrainer().Train(spec, Small.Value.Table);
        var second = new ModelTrainer().Train(spec, Small.Value.Table);
        using var a = first.Model;
        using var b = second.Model;
        Assert.Equal(first.TestPredictions.Scores, second.TestPredictions.Scores);
    }

    [Fact]
    public void Train_InvalidSpec_ThrowsWithEveryProblem()
    {
        var spec = SyntheticPropensity.Spec(ModelKind.Mlp) with { TargetColumn = "nope", BatchSize = 0 };
        var error = Assert.Throws<ArgumentException>(() => new ModelTrainer().Train(spec, Small.Value.Table));
        Assert.Contains("Unknown target column \"nope\".", error.Message, StringComparison.Ordinal);
        Assert.Contains("The batch size must be positive.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
