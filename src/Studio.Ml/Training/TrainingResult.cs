using Studio.Ml.Evaluation;

namespace Studio.Ml.Training;

/// <summary>
/// What a run produced. <see cref="Model"/> holds the best epoch's weights (restored when early stopping) and
/// is owned by the caller (dispose it, or save it with Checkpoints.ModelCheckpoint).
/// </summary>
public sealed record TrainingResult(
    TrainedModel Model,
    int BestEpoch,
    bool StoppedEarly,
    IReadOnlyList<EpochRecord> History,
    IReadOnlyDictionary<string, double> TestMetrics,
    Predictions TestPredictions,
    DataSplit Split,
    TrainingTimings Timings,
    int ThreadCount);

public sealed record TrainingTimings(TimeSpan Preparation, TimeSpan Training, TimeSpan Validation, TimeSpan Test, TimeSpan Total)
{
    /// <summary>Training rows processed per second of pure training time (all epochs).</summary>
    public double TrainSamplesPerSecond { get; init; }
}

/// <summary>Thrown when a run is cancelled; carries the epochs finished before the cancel.</summary>
public sealed class TrainingCancelledException : OperationCanceledException
{
    public TrainingCancelledException()
        : this([], 0, CancellationToken.None)
    {
    }

    public TrainingCancelledException(string message)
        : base(message)
    {
        History = [];
    }

    public TrainingCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
        History = [];
    }

    public TrainingCancelledException(IReadOnlyList<EpochRecord> history, long batchesCompleted, CancellationToken token)
        : base("Training was cancelled.", token)
    {
        History = history;
        BatchesCompleted = batchesCompleted;
    }

    public IReadOnlyList<EpochRecord> History { get; }

    /// <summary>Optimizer steps taken before the cancel was seen (counted over all epochs).</summary>
    public long BatchesCompleted { get; }
}
