using Studio.Analysis.ModelEncoding;

namespace Studio.Ml.Training;

/// <summary>How a run executes (not what it learns): threads, progress cadence, where the best checkpoint goes.</summary>
public sealed record TrainingOptions
{
    /// <summary>libtorch intra-op threads; by default all cores but one, so the web server keeps a core. Process-wide.</summary>
    public int ThreadCount { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Batch progress is reported at most this often (epoch ends are always reported).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When set, the best model so far is written here (a checkpoint zip) each time it improves.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Rows per forward pass when evaluating (no gradients, so larger than training batches).</summary>
    public int EvaluationBatchSize { get; init; } = 8192;

    /// <summary>Threshold for accuracy, precision, recall and F1 of binary models.</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>
    /// The encoding saved with the dataset version, if any: its vocabularies and scalers are used as they are for the
    /// columns it covers, so the model embeds exactly the vocabulary the dataset page shows.
    /// </summary>
    public DatasetEncoding? DatasetEncoding { get; init; }
}
