using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>
/// The baseline: one weight per category (a one-hot linear model, stored as width-<c>outputs</c> embeddings)
/// plus a linear term over the numeric block. Trained by the same pipeline as the deep models.
/// </summary>
public sealed class LogisticRegressionModel : TabularModel
{
    private readonly FieldEmbeddings _weights;
    private readonly Linear _numeric;

    public LogisticRegressionModel(ModelShape shape)
        : base(nameof(LogisticRegressionModel))
    {
        ArgumentNullException.ThrowIfNull(shape);
        _weights = new FieldEmbeddings(shape.Cardinalities, shape.Cardinalities.Select(_ => shape.Outputs).ToList(), initStd: 0);
        _numeric = nn.Linear(Math.Max(shape.NumericWidth, 1), shape.Outputs);
        HasNumeric = shape.NumericWidth > 0;
        RegisterComponents();

        // Zero start like the category weights: the loss is convex, and a random start of the wrong sign on a
        // numeric column held validation AUC flat below 0.5 long enough for early stopping to end the run.
        using var noGrad = torch.no_grad();
        nn.init.zeros_(_numeric.weight!);
        nn.init.zeros_(_numeric.bias!);
    }

    private bool HasNumeric { get; }

    public override Tensor forward(Tensor categorical, Tensor numeric)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        var linear = HasNumeric ? _numeric.forward(numeric) : _numeric.bias!.expand(categorical.shape[0], -1);
        return _weights.Count == 0 ? linear : linear + torch.stack(_weights.Lookup(categorical), 0).sum(0, false);
    }

    /// <summary>No hidden layer: the per-field category weights next to the numeric inputs.</summary>
    public override Tensor Represent(Tensor categorical, Tensor numeric) =>
        _weights.Count == 0 ? numeric : torch.cat([_weights.forward(categorical), numeric], 1);

    public override Tensor EmbeddingTable(int field) => _weights.Table(field);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _weights.Dispose();
            _numeric.Dispose();
        }

        base.Dispose(disposing);
    }
}
