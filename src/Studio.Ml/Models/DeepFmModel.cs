using Studio.Ml.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>
/// DeepFM: a first-order linear part, FM second-order interactions over the shared field embeddings (numeric
/// columns join the FM as fields whose vector is scaled by the value), and a deep part over the same embeddings.
/// With several outputs the FM vector goes through a linear map instead of a plain sum.
/// </summary>
public sealed class DeepFmModel : TabularModel
{
    private readonly LogisticRegressionModel _firstOrder;
    private readonly FieldEmbeddings _embeddings;
    private readonly Parameter _numericFactors;
    private readonly DeepTower _tower;
    private readonly Linear _head;
    private readonly Linear? _fmProjection;

    public DeepFmModel(ModelShape shape, ModelSpec spec)
        : base(nameof(DeepFmModel))
    {
        ArgumentNullException.ThrowIfNull(shape);
        var dimension = shape.Dimensions.Count == 0 ? 8 : shape.Dimensions[0];
        if (shape.Dimensions.Any(d => d != dimension))
        {
            throw new ArgumentException("DeepFM needs the same embedding dimension for every field.", nameof(shape));
        }

        _firstOrder = new LogisticRegressionModel(shape);
        _embeddings = new FieldEmbeddings(shape.Cardinalities, shape.Dimensions, ModelShape.EmbeddingInitStd);
        _numericFactors = new Parameter(torch.randn(shape.NumericWidth, dimension) * ModelShape.EmbeddingInitStd);
        _tower = new DeepTower(_embeddings.Width + shape.NumericWidth, spec);
        _head = nn.Linear(_tower.OutputWidth, shape.Outputs);
        _fmProjection = shape.Outputs > 1 ? nn.Linear(dimension, shape.Outputs, hasBias: false) : null;
        RegisterComponents();
    }

    public override Tensor forward(Tensor categorical, Tensor numeric)
    {
        var fields = _embeddings.Lookup(categorical);
        var deep = _head.forward(_tower.forward(torch.cat([.. fields, numeric], 1)));
        var interactions = Interactions(fields, numeric);
        var fm = _fmProjection is null ? interactions.sum(1, keepdim: true) : _fmProjection.forward(interactions);
        return _firstOrder.forward(categorical, numeric) + fm + deep;
    }

    public override Tensor Represent(Tensor categorical, Tensor numeric) =>
        _tower.forward(torch.cat([_embeddings.forward(categorical), numeric], 1));

    public override Tensor EmbeddingTable(int field) => _embeddings.Table(field);

    /// <summary>0.5 * ((sum of v)^2 - sum of v^2), per factor: all pairwise dot products in O(fields * k).</summary>
    private Tensor Interactions(IReadOnlyList<Tensor> fields, Tensor numeric)
    {
        var vectors = new List<Tensor>(fields.Select(f => f.unsqueeze(1)));
        if (_numericFactors.shape[0] > 0)
        {
            vectors.Add(numeric.unsqueeze(2) * _numericFactors.unsqueeze(0));
        }

        var stacked = torch.cat(vectors, 1);
        var sum = stacked.sum(1, false);
        return 0.5 * ((sum * sum) - (stacked * stacked).sum(1, false));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _firstOrder.Dispose();
            _embeddings.Dispose();
            _numericFactors.Dispose();
            _tower.Dispose();
            _head.Dispose();
            _fmProjection?.Dispose();
        }

        base.Dispose(disposing);
    }
}
