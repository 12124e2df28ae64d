using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.Sequences.Training;

public enum SequenceModelKind
{
    /// <summary>DIN-style target attention: a softmax over the valid history positions, scored against the candidate.</summary>
    TargetAttention,

    /// <summary>The baseline: the mean of the valid history positions, no attention.</summary>
    MeanPooling,
}

public enum AttentionScoring
{
    /// <summary>As in DIN: a small MLP over [x_t, q, x_t - q, x_t * q, event type and gap of x_t].</summary>
    Mlp,

    /// <summary>Scaled dot product between a projection of the history event and a projection of the candidate.</summary>
    DotProduct,
}

/// <summary>Left padding puts the most recent event in the last slot; right padding puts the oldest event in slot 0.</summary>
public enum SequencePadding
{
    Left,
    Right,
}

public enum SequenceSplitKind
{
    /// <summary>Per customer: the last interaction is the test target, the second-last the validation target, the rest train.</summary>
    LeaveOneOut,

    /// <summary>Targets in the latest <see cref="SequenceSplitSpec.TestFraction"/> of the time span test, the slice before validates.</summary>
    ByTime,
}

/// <summary>
/// Everything that decides a sequence-model run; immutable and JSON-serialisable, carried by the trained model.
/// </summary>
public sealed record SequenceSpec
{
    public SequenceModelKind Model { get; init; } = SequenceModelKind.TargetAttention;

    public AttentionScoring Scoring { get; init; } = AttentionScoring.Mlp;

    /// <summary>T: the number of past interactions the model sees before each target.</summary>
    public int MaxLength { get; init; } = 20;

    public SequencePadding Padding { get; init; } = SequencePadding.Left;

    /// <summary>
    /// Merge consecutive events of the same item by the same customer into one interaction (first time, last event
    /// type), so a funnel (view → click → cart) is one step and the model predicts the next product, not the next
    /// funnel stage of the product just seen.
    /// </summary>
    public bool MergeRepeatedItems { get; init; }

    /// <summary>Width of the item and of the category embedding (a history event's key is both, 2 x this).</summary>
    public int ItemDimension { get; init; } = 16;

    /// <summary>Width of the event-type and of the time-gap embedding.</summary>
    public int ContextDimension { get; init; } = 4;

    /// <summary>Hidden layers of the DIN attention MLP (or the projection width of dot-product scoring: the first entry).</summary>
    public IReadOnlyList<int> AttentionHiddenSizes { get; init; } = [32];

    /// <summary>The MLP over [pooled history, candidate, pooled key * candidate, customer features] before the logit.</summary>
    public ModelSpec Head { get; init; } = new() { HiddenSizes = [64, 32], Dropout = 0.1 };

    /// <summary>Negatives sampled uniformly from the catalogue (never the positive item) per training target.</summary>
    public int NegativesPerPositive { get; init; } = 4;

    /// <summary>Sampled negatives per validation and test target for AUC and log loss (fixed by the seed).</summary>
    public int EvaluationNegatives { get; init; } = 4;

    public SequenceSplitSpec Split { get; init; } = new();

    public OptimizerSpec Optimizer { get; init; } = new() { LearningRate = 3e-3 };

    public int BatchSize { get; init; } = 256;

    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Monitors validation AUC by default; null trains all epochs and keeps the last. Attention often plateaus for a
    /// few epochs before it finds the events that matter, so a patience below 3 can stop it too early.
    /// </summary>
    public EarlyStoppingSpec? EarlyStopping { get; init; } = new() { Metric = MonitorMetric.Auc, Patience = 3 };

    /// <summary>K of HR@K and NDCG@K.</summary>
    public int RankingCutoff { get; init; } = 10;

    /// <summary>Test targets ranked against the full catalogue (null = all of them); ranking costs one forward per item.</summary>
    public int? MaxRankedTargets { get; init; }

    public int Seed { get; init; } = 42;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Require(problems, MaxLength is >= 1 and <= 500, "MaxLength must be between 1 and 500.");
        Require(problems, ItemDimension is >= 1 and <= 512 && ContextDimension is >= 1 and <= 512, "Embedding dimensions must be between 1 and 512.");
        Require(problems, AttentionHiddenSizes.Count > 0 && AttentionHiddenSizes.All(h => h > 0), "The attention needs at least one positive hidden size.");
        Require(problems, Head.HiddenSizes.All(h => h > 0), "Head hidden sizes must be positive.");
        Require(problems, NegativesPerPositive is >= 1 and <= 100 && EvaluationNegatives is >= 1 and <= 1000, "Negatives per positive must be at least 1.");
        Require(problems, BatchSize >= 2 && Epochs >= 1, "BatchSize must be at least 2 and Epochs at least 1.");
        Require(problems, Optimizer.LearningRate > 0, "The learning rate must be positive.");
        Require(problems, RankingCutoff >= 1, "RankingCutoff must be at least 1.");
        Require(problems, MaxRankedTargets is null or >= 1, "MaxRankedTargets must be at least 1 when set.");
        Require(
            problems,
            Split.Kind == SequenceSplitKind.LeaveOneOut || (Split.TestFraction is > 0 and < 1 && Split.ValidationFraction is >= 0 and < 1 && Split.TestFraction + Split.ValidationFraction < 1),
            "ByTime needs 0 < TestFraction, 0 <= ValidationFraction and their sum below 1.");
        return problems;
    }

    private static void Require(List<string> problems, bool condition, string message)
    {
        if (!condition)
        {
            problems.Add(message);
        }
    }
}

public sealed record SequenceSplitSpec
{
    public SequenceSplitKind Kind { get; init; } = SequenceSplitKind.LeaveOneOut;

    /// <summary>ByTime only: share of the event time span (latest part) whose targets are tested.</summary>
    public double TestFraction { get; init; } = 0.1;

    /// <summary>ByTime only: share of the time span just before the test slice whose targets validate.</summary>
    public double ValidationFraction { get; init; } = 0.1;
}
