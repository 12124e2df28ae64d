using Studio.Ml.Evaluation;
using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

public sealed class OtherTasksTests
{
    [Fact]
    public void Regression_LinearTargetWithCategoryOffsets_ExplainsMostVariance()
    {
        var random = new Random(1);
        const int rows = 3000;
        var group = Enumerable.Range(0, rows).Select(_ => random.Next(6)).ToArray();
        var x = Enumerable.Range(0, rows).Select(_ => (random.NextDouble() * 10) - 5).ToArray();
        var spend = Enumerable.Range(0, rows).Select(i => (double?)(100 + (20 * x[i]) + (group[i] * 15) + (random.NextDouble() * 4))).ToArray();
        var table = new FeatureTable(
            new Dictionary<string, string?[]> { ["group"] = group.Select(g => (string?)$"g{g}").ToArray() },
            new Dictionary<string, double?[]> { ["x"] = x.Select(v => (double?)v).ToArray(), ["spend"] = spend });
        var spec = new TrainingSpec
        {
            TargetColumn = "spend",
            Task = PredictionTask.Regression,
            CategoricalColumns = ["group"],
            NumericColumns = ["x"],
            Model = new ModelSpec { HiddenSizes = [32], Dropout = 0 },
            Optimizer = new OptimizerSpec { LearningRate = 0.01 },
            Epochs = 15,
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Rmse, Patience = 3 },
        };

        var result = new ModelTrainer().Train(spec, table);
        result.Model.Dispose();

        Assert.True(result.TestMetrics[MetricNames.R2] > 0.95, $"R² {result.TestMetrics[MetricNames.R2]:F3}");
        Assert.True(result.TestMetrics[MetricNames.Rmse] < 25, $"RMSE {result.TestMetrics[MetricNames.Rmse]:F2} in spend units");
        Assert.InRange(result.TestPredictions.Scores.Average(), 120, 200);
    }

    [Fact]
    public void MultiClass_NextCategoryFromChannel_BeatsChanceWithProbabilitiesSummingToOne()
    {
        var random = new Random(2);
        const int rows = 3000;
        var channel = Enumerable.Range(0, rows).Select(_ => random.Next(4)).ToArray();
        var next = channel.Select(c => random.NextDouble() < 0.8 ? $"cat{c}" : $"cat{random.Next(4)}").ToArray();
        var table = new FeatureTable(
            new Dictionary<string, string?[]> { ["channel"] = channel.Select(c => (string?)$"ch{c}").ToArray(), ["next"] = next },
            new Dictionary<string, double?[]>());
        var spec = new TrainingSpec
        {
            TargetColumn = "next",
            Task = PredictionTask.MultiClass,
            CategoricalColumns = ["channel"],
            Model = new ModelSpec { HiddenSizes = [16], Dropout = 0 },
            Optimizer = new OptimizerSpec { LearningRate = 0.01 },
            ClassWeighting = new ClassWeightingSpec { Mode = ClassWeightingMode.Balanced },
            Epochs = 8,
            Split = new SplitSpec { Kind = SplitKind.Stratified },
        };

        var result = new ModelTrainer().Train(spec, table);
        result.Model.Dispose();

        Assert.Equal(["cat0", "cat1", "cat2", "cat3"], result.TestPredictions.Classes);
        Assert.InRange(result.TestMetrics[MetricNames.Accuracy], 0.78, 0.9);     // the truth allows 0.8 + 0.2/4 = 0.85
        Assert.Equal(1.0, result.TestMetrics[MetricNames.Top3Accuracy] >= result.TestMetrics[MetricNames.Accuracy] ? 1.0 : 0.0);
        Assert.All(result.TestPredictions.ClassProbabilities!, p => Assert.Equal(1.0, p.Sum(), 5));
    }
}
