using Studio.Ml.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>The MLP: per hidden size Linear, optional BatchNorm, activation, optional Dropout.</summary>
public sealed class DeepTower : nn.Module<Tensor, Tensor>
{
    private readonly Sequential _layers;

    public DeepTower(int inputWidth, ModelSpec spec)
        : base(nameof(DeepTower))
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = inputWidth;
        foreach (var hidden in spec.HiddenSizes)
        {
            layers.Add(nn.Linear(width, hidden));
            if (spec.BatchNorm)
            {
                layers.Add(nn.BatchNorm1d(hidden));
            }

            layers.Add(Activation(spec.Activation));
            if (spec.Dropout > 0)
            {
                layers.Add(nn.Dropout(spec.Dropout));
            }

            width = hidden;
        }

        OutputWidth = width;
        _layers = nn.Sequential(layers);
        RegisterComponents();
    }

    public int OutputWidth { get; }

    public override Tensor forward(Tensor input) => _layers.forward(input);

    private static nn.Module<Tensor, Tensor> Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.ReLU => nn.ReLU(),
        ActivationKind.Gelu => nn.GELU(),
        ActivationKind.Tanh => nn.Tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
