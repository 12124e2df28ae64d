namespace Studio.Ml.Training;

public enum TrainingPhase
{
    Training,
    EpochCompleted,
    Testing,
}

/// <summary>
/// A progress report: during an epoch (throttled) and once at each epoch's end, then when testing starts.
/// <see cref="Loss"/> is the mean training loss of the epoch so far; <see cref="Completed"/> is set at epoch ends.
/// </summary>
public sealed record TrainingProgress(
    TrainingPhase Phase,
    int Epoch,
    int Epochs,
    int Batch,
    int BatchesPerEpoch,
    double Loss,
    double SamplesPerSecond,
    TimeSpan Elapsed,
    TimeSpan? EstimatedRemaining,
    EpochRecord? Completed);

/// <summary>One finished epoch: losses, validation metrics (names from Evaluation.MetricNames) and speed.</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double ValidationLoss,
    IReadOnlyDictionary<string, double> ValidationMetrics,
    TimeSpan Duration,
    double SamplesPerSecond,
    bool IsBest);
