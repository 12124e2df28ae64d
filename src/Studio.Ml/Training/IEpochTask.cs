using static TorchSharp.torch;

namespace Studio.Ml.Training;

/// <summary>
/// What <see cref="EpochLoop"/> needs from a model family: its network, how to compute a training batch's loss from
/// row indices, how to validate, and how to write a checkpoint. Tabular and sequence models share the loop through it.
/// </summary>
internal interface IEpochTask
{
    nn.Module Network { get; }

    long TrainCount { get; }

    /// <summary>True when a batch of this many rows cannot train (batch norm on a single row).</summary>
    bool SkipsBatch(long length);

    /// <summary>Forward pass and loss on the training rows <paramref name="index"/> (called inside a dispose scope).</summary>
    Tensor BatchLoss(Tensor index);

    /// <summary>Validation metrics and loss; empty metrics and NaN without validation rows.</summary>
    (IReadOnlyDictionary<string, double> Metrics, double Loss) Validate(int batchSize);

    void SaveCheckpoint(string path);
}

/// <summary>The part of a spec that drives the epochs, whatever the model family.</summary>
internal sealed record EpochSchedule(int Seed, int Epochs, int BatchSize, OptimizerSpec Optimizer, EarlyStoppingSpec? EarlyStopping);
