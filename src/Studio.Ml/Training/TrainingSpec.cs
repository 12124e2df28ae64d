namespace Studio.Ml.Training;

/// <summary>
/// Everything that decides a training run. Immutable and JSON-serialisable; a trained model carries the spec
/// that produced it. <see cref="Validate"/> explains invalid combinations before a job starts.
/// </summary>
public sealed record TrainingSpec
{
    public required string TargetColumn { get; init; }

    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    public IReadOnlyList<string> NumericColumns { get; init; } = [];

    public PredictionTask Task { get; init; } = PredictionTask.Binary;

    /// <summary>Binary only: the label that counts as positive; when null "1", "yes", "true" or the last sorted label.</summary>
    public string? PositiveClass { get; init; }

    public ModelSpec Model { get; init; } = new();

    public EmbeddingSpec Embedding { get; init; } = new();

    public FeatureSpec Features { get; init; } = new();

    public OptimizerSpec Optimizer { get; init; } = new();

    public int BatchSize { get; init; } = 256;

    public int Epochs { get; init; } = 20;

    /// <summary>Null trains all epochs and keeps the last one.</summary>
    public EarlyStoppingSpec? EarlyStopping { get; init; } = new();

    public ClassWeightingSpec ClassWeighting { get; init; } = new();

    public SplitSpec Split { get; init; } = new();

    public int Seed { get; init; } = 42;

    /// <summary>Human-readable problems; empty when the spec can run. Pass the table's schema to check column names.</summary>
    public IReadOnlyList<string> Validate(ColumnSchema? schema = null) => TrainingSpecValidator.Validate(this, schema);
}

public sealed record ModelSpec
{
    public ModelKind Kind { get; init; } = ModelKind.Mlp;

    public IReadOnlyList<int> HiddenSizes { get; init; } = [128, 64];

    public ActivationKind Activation { get; init; } = ActivationKind.ReLU;

    public double Dropout { get; init; } = 0.1;

    public bool BatchNorm { get; init; }

    public WeightInit Init { get; init; } = WeightInit.Default;
}

/// <summary>
/// Embedding width per categorical field: an explicit <see cref="PerField"/> entry, else <see cref="Dimension"/>,
/// else the cardinality rule min(MaxDimension, round(Multiplier * cardinality^Exponent)).
/// </summary>
public sealed record EmbeddingSpec
{
    public int? Dimension { get; init; }

    public IReadOnlyDictionary<string, int> PerField { get; init; } = new Dictionary<string, int>();

    public int MaxDimension { get; init; } = 50;

    public double Multiplier { get; init; } = 1.6;

    public double Exponent { get; init; } = 0.56;

    public int DimensionFor(string field, int cardinality)
    {
        if (PerField.TryGetValue(field, out var explicitDim))
        {
            return explicitDim;
        }

        if (Dimension is { } fixedDim)
        {
            return fixedDim;
        }

        var ruled = (int)Math.Round(Multiplier * Math.Pow(Math.Max(cardinality, 1), Exponent));
        return Math.Clamp(ruled, 1, MaxDimension);
    }
}

public sealed record FeatureSpec
{
    /// <summary>Categories seen fewer times than this in the training split fall into the unknown bucket (index 0).</summary>
    public int MinFrequency { get; init; } = 1;

    public MissingNumericStrategy MissingNumeric { get; init; } = MissingNumericStrategy.Indicator;

    /// <summary>When above 1, every numeric column also becomes a categorical field of this many training quantiles.</summary>
    public int NumericBuckets { get; init; }
}

public sealed record OptimizerSpec
{
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;

    public double LearningRate { get; init; } = 1e-3;

    public double WeightDecay { get; init; }

    /// <summary>SGD only.</summary>
    public double Momentum { get; init; } = 0.9;
}

public sealed record EarlyStoppingSpec
{
    public MonitorMetric Metric { get; init; } = MonitorMetric.ValidationLoss;

    public int Patience { get; init; } = 3;

    public double MinDelta { get; init; }
}

public sealed record ClassWeightingSpec
{
    public ClassWeightingMode Mode { get; init; } = ClassWeightingMode.None;

    public double PositiveWeight { get; init; } = 1;
}

public sealed record SplitSpec
{
    public SplitKind Kind { get; init; } = SplitKind.Random;

    public double TrainRatio { get; init; } = 0.7;

    public double ValidationRatio { get; init; } = 0.15;

    public double TestRatio { get; init; } = 0.15;

    /// <summary>ByTime only: the earliest rows train, the latest test.</summary>
    public string? TimeColumn { get; init; }
}

/// <summary>The columns a table offers, by kind; lets a form validate a spec without loading data.</summary>
public sealed record ColumnSchema(IReadOnlyCollection<string> Categorical, IReadOnlyCollection<string> Numeric);
