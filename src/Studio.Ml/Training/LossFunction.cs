using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

/// <summary>The loss of a task: BCE with logits (optional pos_weight), softmax cross-entropy (optional class weights), or MSE.</summary>
internal sealed class LossFunction : IDisposable
{
    private readonly PredictionTask _task;
    private readonly Tensor? _weights;

    private LossFunction(PredictionTask task, Tensor? weights)
    {
        _task = task;
        _weights = weights;
    }

    /// <summary>Class weights come from the training split's target (binary: negatives/positives for Balanced).</summary>
    public static LossFunction Create(TrainingSpec spec, Tensor trainTarget, int classCount)
    {
        var weighting = spec.ClassWeighting;
        Tensor? weights = null;
        if (spec.Task == PredictionTask.Binary && weighting.Mode != ClassWeightingMode.None)
        {
            var positives = trainTarget.sum().item<float>();
            var negatives = trainTarget.shape[0] - positives;
            var positiveWeight = weighting.Mode == ClassWeightingMode.Manual ? weighting.PositiveWeight : negatives / Math.Max(positives, 1);
            weights = torch.tensor(new[] { (float)positiveWeight }).DetachFromDisposeScope();
        }
        else if (spec.Task == PredictionTask.MultiClass && weighting.Mode == ClassWeightingMode.Balanced)
        {
            using var scope = torch.NewDisposeScope();
            var counts = torch.bincount(trainTarget.clamp_min(0), minlength: classCount).to_type(ScalarType.Float32);
            weights = (trainTarget.shape[0] / (classCount * counts.clamp_min(1))).DetachFromDisposeScope();
        }

        return new LossFunction(spec.Task, weights);
    }

    public Tensor Compute(Tensor output, Tensor target) => _task switch
    {
        PredictionTask.Binary => nn.functional.binary_cross_entropy_with_logits(output.squeeze(1), target, pos_weights: _weights),
        PredictionTask.MultiClass => nn.functional.cross_entropy(output, target, weight: _weights),
        _ => nn.functional.mse_loss(output.squeeze(1), target),
    };

    public void Dispose() => _weights?.Dispose();
}
