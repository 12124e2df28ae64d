using Studio.Ml.Evaluation;
using Studio.Ml.Training;
using Xunit.Abstractions;

namespace Studio.Ml.UnitTests.Training;

/// <summary>Quality bars of issue 4 on data whose truth is known.</summary>
public sealed class PropensityQualityTests(ITestOutputHelper output)
{
    private static readonly Lazy<SyntheticPropensity> Data = new(() => SyntheticPropensity.Generate(50_000, seed: 3));
    private static readonly Lazy<TrainingResult> Baseline = new(() => Train(ModelKind.LogisticRegression));

    [Theory]
    [InlineData(ModelKind.Mlp)]
    [InlineData(ModelKind.DeepFM)]
    public void DeepModel_InteractionPropensity_WithinThreeHundredthsOfTruthAndAboveBaseline(ModelKind kind)
    {
        var deepResult = Train(kind);
        var baseline = Baseline.Value;

        var truthAuc = TruthAuc(deepResult);
        var deepAuc = deepResult.TestMetrics[MetricNames.Auc];
        var baselineAuc = baseline.TestMetrics[MetricNames.Auc];
        output.WriteLine($"{kind}: test AUC {deepAuc:F4}, truth {truthAuc:F4}, logistic regression {baselineAuc:F4}, best epoch {deepResult.BestEpoch}, {deepResult.Timings.Total.TotalSeconds:F1} s");
        deepResult.Model.Dispose();

        Assert.InRange(deepAuc, truthAuc - 0.03, 1.0);
        Assert.True(deepAuc > baselineAuc, $"{kind} AUC {deepAuc:F4} should beat logistic regression {baselineAuc:F4} (truth {truthAuc:F4})");
    }

    private static TrainingResult Train(ModelKind kind) =>
        new ModelTrainer().Train(SyntheticPropensity.Spec(kind), Data.Value.Table);

    private static double TruthAuc(TrainingResult result)
    {
        var truth = result.TestPredictions.Rows.Select(r => Data.Value.TruePropensity[r]).ToArray();
        return BinaryMetrics.Auc(result.TestPredictions.BinaryLabels, truth);
    }
}
