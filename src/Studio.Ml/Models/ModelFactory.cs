using Studio.Ml.Features;
using Studio.Ml.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>Builds the model a spec names (the registry of model kinds) and applies its weight initialisation.</summary>
public static class ModelFactory
{
    public static TabularModel Create(TrainingSpec spec, FeatureEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var shape = ModelShape.From(spec, encoder);
        TabularModel model = spec.Model.Kind switch
        {
            ModelKind.LogisticRegression => new LogisticRegressionModel(shape),
            ModelKind.Mlp => new MlpModel(shape, spec.Model),
            ModelKind.DeepFM => new DeepFmModel(shape, spec.Model),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Model.Kind, "Unknown model kind."),
        };
        Initialise(model, spec.Model.Init);
        return model;
    }

    /// <summary>Xavier or He on every Linear weight (biases to zero); Default keeps libtorch's initialisation.</summary>
    private static void Initialise(nn.Module model, WeightInit init)
    {
        if (init == WeightInit.Default)
        {
            return;
        }

        using var noGrad = torch.no_grad();
        foreach (var linear in model.modules().OfType<Linear>())
        {
            if (init == WeightInit.Xavier)
            {
                nn.init.xavier_uniform_(linear.weight!);
            }
            else
            {
                nn.init.kaiming_uniform_(linear.weight!, a: 0, nonlinearity: nn.init.NonlinearityType.ReLU);
            }

            if (linear.bias is { } bias)
            {
                nn.init.zeros_(bias);
            }
        }
    }
}
