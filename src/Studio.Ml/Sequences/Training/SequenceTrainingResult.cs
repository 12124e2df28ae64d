using Studio.Ml.Training;

namespace Studio.Ml.Sequences.Training;

/// <summary>
/// What a sequence run produced. <see cref="TestMetrics"/> holds auc, log_loss (positives vs sampled negatives)
/// and hr@K, ndcg@K, mrr (full-catalogue ranking); <see cref="PopularityMetrics"/> the same ranking metrics of the
/// popularity baseline on the same test targets. <see cref="Model"/> is owned by the caller.
/// </summary>
public sealed record SequenceTrainingResult(
    TrainedSequenceModel Model,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<EpochRecord> History,
    IReadOnlyDictionary<string, double> TestMetrics,
    IReadOnlyDictionary<string, double> PopularityMetrics,
    TrainingTimings Timings,
    int ThreadCount);
