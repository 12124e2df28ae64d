using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

internal static class OptimizerFactory
{
    public static optim.Optimizer Create(OptimizerSpec spec, IEnumerable<Parameter> parameters) => spec.Kind switch
    {
        OptimizerKind.SgdMomentum => optim.SGD(parameters, spec.LearningRate, momentum: spec.Momentum, weight_decay: spec.WeightDecay),
        OptimizerKind.Adam => optim.Adam(parameters, spec.LearningRate, weight_decay: spec.WeightDecay),
        OptimizerKind.AdamW => optim.AdamW(parameters, spec.LearningRate, weight_decay: spec.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
    };
}
