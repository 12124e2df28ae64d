using System.Text.Json;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

public sealed class TrainingSpecTests
{
    private static readonly ColumnSchema Schema = new(["region", "channel", "converted"], ["tenure", "spend", "signup_day"]);

    private static TrainingSpec Valid => new()
    {
        TargetColumn = "converted",
        CategoricalColumns = ["region", "channel"],
        NumericColumns = ["tenure"],
    };

    [Fact]
    public void Validate_DefaultBinarySpec_HasNoProblems() => Assert.Empty(Valid.Validate(Schema));

    [Fact]
    public void Validate_StratifiedRegression_ExplainsStratificationNeedsClasses()
    {
        var spec = Valid with { TargetColumn = "spend", Task = PredictionTask.Regression, EarlyStopping = null, Split = new SplitSpec { Kind = SplitKind.Stratified } };
        Assert.Equal(["Stratified split needs a binary or multi-class target."], spec.Validate(Schema));
    }

    [Fact]
    public void Validate_RegressionWithClassWeights_ExplainsWhy()
    {
        var spec = Valid with
        {
            TargetColumn = "spend",
            Task = PredictionTask.Regression,
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Rmse },
            ClassWeighting = new ClassWeightingSpec { Mode = ClassWeightingMode.Balanced },
        };
        Assert.Equal(["Regression cannot use class weighting."], spec.Validate(Schema));
    }

    [Fact]
    public void Validate_RatiosNotSummingToOne_ReportsTheSum()
    {
        var spec = Valid with { Split = new SplitSpec { TrainRatio = 0.8, ValidationRatio = 0.2, TestRatio = 0.2 } };
        Assert.Equal(["Split ratios must sum to 1 (they sum to 1.2)."], spec.Validate(Schema));
    }

    [Fact]
    public void Validate_UnknownColumns_NamesEachOne()
    {
        var spec = Valid with { TargetColumn = "churned", CategoricalColumns = ["region", "colour"] };
        var problems = spec.Validate(Schema);
        Assert.Contains("Unknown target column \"churned\".", problems);
        Assert.Contains("Unknown feature column \"colour\".", problems);
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Validate_ByTimeWithoutColumn_AndAucOnRegression_ReportsBoth()
    {
        var spec = Valid with
        {
            TargetColumn = "spend",
            Task = PredictionTask.Regression,
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Auc },
            Split = new SplitSpec { Kind = SplitKind.ByTime },
        };
        Assert.Equal(["Early stopping on AUC needs a binary target.", "A split by time needs a time column."], spec.Validate(Schema));
    }

    [Fact]
    public void Validate_DeepFmWithoutFixedDimension_AsksForOne()
    {
        var spec = Valid with { Model = new ModelSpec { Kind = ModelKind.DeepFM } };
        var problem = Assert.Single(spec.Validate(Schema));
        Assert.StartsWith("DeepFM shares one embedding", problem, StringComparison.Ordinal);
        Assert.Empty((spec with { Embedding = new EmbeddingSpec { Dimension = 8 } }).Validate(Schema));
    }

    [Fact]
    public void Validate_TargetAlsoFeature_AndBadNumbers_ReportsEach()
    {
        var spec = Valid with
        {
            CategoricalColumns = ["region", "converted"],
            BatchSize = 0,
            Model = new ModelSpec { Dropout = 1.5 },
            Optimizer = new OptimizerSpec { LearningRate = 0 },
        };
        var problems = spec.Validate(Schema);
        Assert.Contains("The target \"converted\" cannot also be a feature.", problems);
        Assert.Contains("The batch size must be positive.", problems);
        Assert.Contains("Dropout must be at least 0 and below 1.", problems);
        Assert.Contains("The learning rate must be above 0 (and sensibly at most 10).", problems);
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var spec = Valid with
        {
            Task = PredictionTask.MultiClass,
            Model = new ModelSpec { Kind = ModelKind.DeepFM, HiddenSizes = [32, 16], Activation = ActivationKind.Gelu, BatchNorm = true, Init = WeightInit.He },
            Embedding = new EmbeddingSpec { Dimension = 12, PerField = new Dictionary<string, int> { ["region"] = 4 } },
            Optimizer = new OptimizerSpec { Kind = OptimizerKind.SgdMomentum, LearningRate = 0.05, Momentum = 0.8 },
            Split = new SplitSpec { Kind = SplitKind.ByTime, TimeColumn = "signup_day" },
            Seed = 99,
        };

        var json = JsonSerializer.Serialize(spec);
        var back = JsonSerializer.Deserialize<TrainingSpec>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Contains("\"Kind\":\"DeepFM\"", json, StringComparison.Ordinal);
        Assert.Equal(4, back.Embedding.PerField["region"]);
        Assert.Equal([32, 16], back.Model.HiddenSizes);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(10, 6)]
    [InlineData(100, 21)]
    [InlineData(50000, 50)]
    public void EmbeddingRule_Cardinality_GivesCappedPowerRule(int cardinality, int expected) =>
        Assert.Equal(expected, new EmbeddingSpec().DimensionFor("field", cardinality));
}
