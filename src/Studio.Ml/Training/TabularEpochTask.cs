using Studio.Ml.Checkpoints;
using Studio.Ml.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

/// <summary>A tabular model's epochs: categorical + numeric tensors in, the task's loss, metrics at the decision threshold.</summary>
internal sealed class TabularEpochTask(TrainedModel model, LossFunction loss, TensorData train, TensorData validation, TrainingOptions options) : IEpochTask
{
    public nn.Module Network => model.Network;

    public long TrainCount => train.Count;

    public static EpochSchedule ScheduleOf(TrainingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new EpochSchedule(spec.Seed, spec.Epochs, spec.BatchSize, spec.Optimizer, spec.EarlyStopping);
    }

    public bool SkipsBatch(long length) => length < 2 && model.Spec.Model.BatchNorm;

    public Tensor BatchLoss(Tensor index)
    {
        var output = model.Network.forward(train.Categorical.index_select(0, index), train.Numeric.index_select(0, index));
        return loss.Compute(output, train.Target.index_select(0, index));
    }

    public (IReadOnlyDictionary<string, double> Metrics, double Loss) Validate(int batchSize)
    {
        if (validation.Count == 0)
        {
            return (new Dictionary<string, double>(), double.NaN);
        }

        var (predictions, validationLoss) = model.Evaluate(validation, batchSize, loss);
        return (MetricSummary.Compute(predictions, options.DecisionThreshold), validationLoss);
    }

    public void SaveCheckpoint(string path) => ModelCheckpoint.Save(model, path);
}
