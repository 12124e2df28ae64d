using Studio.Ml.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>Field embeddings concatenated with the numeric block, then an MLP and a linear head.</summary>
public sealed class MlpModel : TabularModel
{
    private readonly FieldEmbeddings _embeddings;
    private readonly DeepTower _tower;
    private readonly Linear _head;

    public MlpModel(ModelShape shape, ModelSpec spec)
        : base(nameof(MlpModel))
    {
        ArgumentNullException.ThrowIfNull(shape);
        _embeddings = new FieldEmbeddings(shape.Cardinalities, shape.Dimensions, ModelShape.EmbeddingInitStd);
        _tower = new DeepTower(_embeddings.Width + shape.NumericWidth, spec);
        _head = nn.Linear(_tower.OutputWidth, shape.Outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor categorical, Tensor numeric) => _head.forward(Represent(categorical, numeric));

    public override Tensor Represent(Tensor categorical, Tensor numeric) =>
        _tower.forward(torch.cat([_embeddings.forward(categorical), numeric], 1));

    public override Tensor EmbeddingTable(int field) => _embeddings.Table(field);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _embeddings.Dispose();
            _tower.Dispose();
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
