using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

/// <summary>
/// Customers whose conversion follows a known, interaction-driven propensity: region×product and channel×device
/// tables plus small main effects and a numeric tenure effect. A linear model cannot represent the interactions.
/// </summary>
internal sealed record SyntheticPropensity(FeatureTable Table, double[] TruePropensity)
{
    public static readonly string[] Categorical = ["region", "channel", "segment", "device", "product", "weekday"];
    private static readonly int[] Cardinalities = [8, 5, 12, 4, 20, 7];

    public static SyntheticPropensity Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var main = Cardinalities.Select(c => Enumerable.Range(0, c).Select(_ => Normal(random) * 0.4).ToArray()).ToArray();
        var regionProduct = InteractionTable(random, 8, 20, 1.3);
        var channelDevice = InteractionTable(random, 5, 4, 1.0);
        var codes = Cardinalities.Select(_ => new int[rows]).ToArray();
        var tenure = new double?[rows];
        var spend = new double?[rows];
        var propensity = new double[rows];
        var converted = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            var logit = -1.2;
            for (var f = 0; f < Cardinalities.Length; f++)
            {
                codes[f][r] = random.Next(Cardinalities[f]);
                logit += main[f][codes[f][r]];
            }

            logit += regionProduct[codes[0][r]][codes[4][r]] + channelDevice[codes[1][r]][codes[3][r]];
            var t = Normal(random);
            tenure[r] = (t * 12) + 36;
            logit += 0.5 * t;
            spend[r] = random.NextDouble() < 0.1 ? null : Math.Round(random.NextDouble() * 500, 2);
            propensity[r] = 1 / (1 + Math.Exp(-logit));
            converted[r] = random.NextDouble() < propensity[r] ? "yes" : "no";
        }

        var categorical = Categorical.Select((name, f) => (name, values: codes[f].Select(c => (string?)$"{name}_{c}").ToArray()))
            .ToDictionary(p => p.name, p => p.values);
        categorical["converted"] = converted;
        var numeric = new Dictionary<string, double?[]> { ["tenure"] = tenure, ["spend"] = spend };
        return new SyntheticPropensity(new FeatureTable(categorical, numeric), propensity);
    }

    public static TrainingSpec Spec(ModelKind kind) => new()
    {
        TargetColumn = "converted",
        CategoricalColumns = Categorical,
        NumericColumns = ["tenure", "spend"],
        Task = PredictionTask.Binary,
        Model = new ModelSpec { Kind = kind, HiddenSizes = [128, 64], Dropout = 0.1 },
        Embedding = new EmbeddingSpec { Dimension = 16 },
        Optimizer = new OptimizerSpec { Kind = OptimizerKind.AdamW, LearningRate = 1e-2, WeightDecay = 1e-4 },
        BatchSize = 512,
        Epochs = 25,
        EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Auc, Patience = 3 },
        Split = new SplitSpec { Kind = SplitKind.Stratified, TrainRatio = 0.7, ValidationRatio = 0.15, TestRatio = 0.15 },
        Seed = 11,
    };

    private static double[][] InteractionTable(Random random, int rows, int columns, double scale) =>
        Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => Normal(random) * scale).ToArray()).ToArray();

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
