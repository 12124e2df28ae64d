using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Benchmarks.Throughput;

/// <summary>The standard throughput configuration of issue 4: 8 categorical fields, seeded uniform codes, a planted label.</summary>
internal static class ThroughputData
{
    public static readonly int[] Cardinalities = [50000, 2000, 50, 20, 10, 7, 24, 5];
    public const int EmbeddingDim = 16;
    public const int BatchSize = 1024;
    public static readonly int[] Hidden = [256, 128];

    /// <summary>Codes [rows x fields] row-major and 0/1 labels.</summary>
    public static (long[] Codes, float[] Labels) Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var fields = Cardinalities.Length;
        var codes = new long[rows * fields];
        var labels = new float[rows];
        var effects = Cardinalities.Select(c => Enumerable.Range(0, Math.Min(c, 2000)).Select(_ => (random.NextDouble() - 0.5) * 2).ToArray()).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var logit = -1.5;
            for (var f = 0; f < fields; f++)
            {
                var code = random.Next(Cardinalities[f]);
                codes[(r * fields) + f] = code;
                logit += effects[f][code % effects[f].Length];
            }

            labels[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1f : 0f;
        }

        return (codes, labels);
    }

    public static FeatureTable AsTable(long[] codes, float[] labels)
    {
        var fields = Cardinalities.Length;
        var rows = labels.Length;
        var categorical = new Dictionary<string, string?[]>();
        var pool = Cardinalities.Select(c => Enumerable.Range(0, c).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        for (var f = 0; f < fields; f++)
        {
            var column = new string?[rows];
            for (var r = 0; r < rows; r++)
            {
                column[r] = pool[f][codes[(r * fields) + f]];
            }

            categorical[$"f{f}"] = column;
        }

        categorical["y"] = labels.Select(l => (string?)(l > 0.5f ? "1" : "0")).ToArray();
        return new FeatureTable(categorical, new Dictionary<string, double?[]>());
    }

    public static TrainingSpec Spec(int epochs) => new()
    {
        TargetColumn = "y",
        CategoricalColumns = Enumerable.Range(0, Cardinalities.Length).Select(f => $"f{f}").ToArray(),
        Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenSizes = Hidden, Dropout = 0 },
        Embedding = new EmbeddingSpec { Dimension = EmbeddingDim },
        Optimizer = new OptimizerSpec { Kind = OptimizerKind.Adam, LearningRate = 1e-3 },
        BatchSize = BatchSize,
        Epochs = epochs,
        EarlyStopping = null,
        Split = new SplitSpec { Kind = SplitKind.Random, TrainRatio = 0.9, ValidationRatio = 0.05, TestRatio = 0.05 },
        Seed = 42,
    };
}
