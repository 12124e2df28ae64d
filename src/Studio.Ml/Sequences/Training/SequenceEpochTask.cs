using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Training;

/// <summary>
/// A sequence model's epochs for the shared <see cref="EpochLoop"/>: (context, candidate) rows, BCE with logits,
/// validation AUC / log loss on the positives and their sampled negatives.
/// </summary>
internal sealed class SequenceEpochTask(TrainedSequenceModel model, SequenceTensors train, SequenceTensors validation, SequenceExamples validationExamples)
    : IEpochTask, IDisposable
{
    private readonly TorchSharp.Modules.BCEWithLogitsLoss _loss = nn.BCEWithLogitsLoss();

    public nn.Module Network => model.Network;

    public long TrainCount => train.ExampleCount;

    /// <summary>Without validation rows there is nothing to stop on: all epochs train.</summary>
    public static EpochSchedule ScheduleOf(SequenceSpec spec, bool hasValidation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EpochSchedule(spec.Seed, spec.Epochs, spec.BatchSize, spec.Optimizer, hasValidation ? spec.EarlyStopping : null);
    }

    public bool SkipsBatch(long length) => false;

    public Tensor BatchLoss(Tensor index) =>
        _loss.forward(model.Network.forward(train.Examples(index)).Logits, train.Labels.index_select(0, index));

    public (IReadOnlyDictionary<string, double> Metrics, double Loss) Validate(int batchSize)
    {
        if (validation.ExampleCount == 0)
        {
            return (new Dictionary<string, double>(), double.NaN);
        }

        var metrics = SequenceEvaluator.BinaryMetricsOf(validationExamples, SequenceEvaluator.Probabilities(model.Network, validation, batchSize));
        return (metrics, metrics.GetValueOrDefault(MetricNames.LogLoss, double.NaN));
    }

    public void SaveCheckpoint(string path) => SequenceCheckpoint.Save(model, path);

    public void Dispose() => _loss.Dispose();
}
