using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

/// <summary>Every model family trains on numeric columns alone and on categorical columns alone.</summary>
public sealed class FeatureMixTests
{
    private static readonly Lazy<SyntheticPropensity> Data = new(() => SyntheticPropensity.Generate(4_000, seed: 7));

    public static TheoryData<ModelKind> Kinds => [ModelKind.LogisticRegression, ModelKind.Mlp, ModelKind.DeepFM];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Train_NumericColumnsOnly_LearnsTheTenureEffect(ModelKind kind)
    {
        // Tenure carries a planted logit slope of 0.5 per SD (spend is noise); chance is AUC 0.5. Before the fixes the
        // MLP failed with libtorch's bare "tensors" and logistic regression, from a random start of the wrong sign,
        // early-stopped at test AUC 0.44.
        var spec = SyntheticPropensity.Spec(kind) with { CategoricalColumns = [], Epochs = 15 };

        var result = new ModelTrainer().Train(spec, Data.Value.Table);
        using var model = result.Model;

        Assert.True(result.TestMetrics[MetricNames.Auc] > 0.55, $"{kind}: test AUC {result.TestMetrics[MetricNames.Auc]:F4} after {result.History.Count} epochs");
        Assert.Equal(3, model.HiddenActivations(Data.Value.Table.Select([0, 1, 2])).Length); // projections read this layer
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Train_CategoricalColumnsOnly_BeatsChance(ModelKind kind)
    {
        // Main effects of six categorical fields drive most of the planted logit: every family must get well above 0.5.
        var spec = SyntheticPropensity.Spec(kind) with { NumericColumns = [], Epochs = 6 };

        var result = new ModelTrainer().Train(spec, Data.Value.Table);
        result.Model.Dispose();

        Assert.True(result.TestMetrics[MetricNames.Auc] > 0.65, $"{kind}: test AUC {result.TestMetrics[MetricNames.Auc]:F4}");
    }
}
