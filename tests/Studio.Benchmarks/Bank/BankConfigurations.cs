using Studio.Ml.Training;

namespace Studio.Benchmarks.Bank;

/// <summary>The configurations reported in the README; all share the split (seed 42) and early stopping on validation AUC.</summary>
internal static class BankConfigurations
{
    public static IEnumerable<(string Name, TrainingSpec Spec)> All()
    {
        var plain = Base(BankCsv.Categorical);
        var withDate = Base([.. BankCsv.Categorical, BankCsv.MonthDay]);
        yield return ("LR", plain with { Model = new ModelSpec { Kind = ModelKind.LogisticRegression }, Optimizer = new OptimizerSpec { Kind = OptimizerKind.Adam, LearningRate = 0.01 } });
        yield return ("MLP", plain);
        yield return ("DeepFM", plain with { Model = plain.Model with { Kind = ModelKind.DeepFM }, Embedding = new EmbeddingSpec { Dimension = 8 } });
        yield return ("LR + month_day", withDate with { Model = new ModelSpec { Kind = ModelKind.LogisticRegression }, Optimizer = new OptimizerSpec { Kind = OptimizerKind.Adam, LearningRate = 0.01 } });
        yield return ("MLP + month_day", withDate);
        yield return ("DeepFM + month_day", withDate with { Model = withDate.Model with { Kind = ModelKind.DeepFM }, Embedding = new EmbeddingSpec { Dimension = 8 } });
        yield return ("MLP + month_day, 20 buckets, 256-128", withDate with { Features = withDate.Features with { NumericBuckets = 20 }, Model = withDate.Model with { HiddenSizes = [256, 128] } });
    }

    private static TrainingSpec Base(IReadOnlyList<string> categorical) => new()
    {
        TargetColumn = BankCsv.Target,
        Task = PredictionTask.Binary,
        PositiveClass = "yes",
        CategoricalColumns = categorical,
        NumericColumns = BankCsv.Numeric,
        Features = new FeatureSpec { NumericBuckets = 10, MinFrequency = 5 },
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenSizes = [128, 64], Dropout = 0.3, Activation = ActivationKind.ReLU },
        Optimizer = new OptimizerSpec { Kind = OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-2 },
        BatchSize = 256,
        Epochs = 40,
        EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Auc, Patience = 5 },
        Split = new SplitSpec { Kind = SplitKind.Stratified, TrainRatio = 0.7, ValidationRatio = 0.1, TestRatio = 0.2 },
        Seed = 42,
    };
}
