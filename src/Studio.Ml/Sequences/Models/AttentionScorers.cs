using Studio.Ml.Sequences.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Models;

/// <summary>Raw attention scores [B x T] of history keys [B x T x K] and event context [B x T x C] against a query [B x K].</summary>
public abstract class AttentionScorer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    protected AttentionScorer(string name)
        : base(name)
    {
    }

    public static AttentionScorer Create(SequenceSpec spec, int keyWidth, int contextWidth)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Scoring == AttentionScoring.DotProduct
            ? new DotProductScorer(keyWidth, contextWidth, spec.AttentionHiddenSizes[0])
            : new DinScorer(keyWidth, contextWidth, spec.AttentionHiddenSizes);
    }
}

/// <summary>
/// DIN's activation unit: an MLP over [x_t, q, x_t - q, x_t * q, context_t] per position. Its first layer is computed
/// as W_x [x_t, context_t] + W_q q + W_p (x_t * q): the same function class (the difference term is linear, so it folds
/// into W_x and W_q), but the query part is computed once per row instead of once per position.
/// </summary>
public sealed class DinScorer : AttentionScorer
{
    private readonly Linear _keyPart;
    private readonly Linear _queryPart;
    private readonly Linear _productPart;
    private readonly PReLU _activation;
    private readonly Sequential _rest;

    public DinScorer(int keyWidth, int contextWidth, IReadOnlyList<int> hiddenSizes)
        : base(nameof(DinScorer))
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        var first = hiddenSizes[0];
        _keyPart = nn.Linear(keyWidth + contextWidth, first);
        _queryPart = nn.Linear(keyWidth, first, hasBias: false);
        _productPart = nn.Linear(keyWidth, first, hasBias: false);
        _activation = nn.PReLU(1, 0.25);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = first;
        foreach (var hidden in hiddenSizes.Skip(1))
        {
            layers.Add(nn.Linear(width, hidden));
            layers.Add(nn.PReLU(1, 0.25));
            width = hidden;
        }

        layers.Add(nn.Linear(width, 1));
        _rest = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor keys, Tensor context, Tensor query)
    {
        var q = query.unsqueeze(1);
        var hidden = _keyPart.forward(torch.cat([keys, context], -1)) + _queryPart.forward(q) + _productPart.forward(keys * q);
        return _rest.forward(_activation.forward(hidden)).squeeze(-1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keyPart.Dispose();
            _queryPart.Dispose();
            _productPart.Dispose();
            _activation.Dispose();
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Scaled dot product between W_k [x_t, context_t] and W_q q.</summary>
public sealed class DotProductScorer : AttentionScorer
{
    private readonly Linear _keys;
    private readonly Linear _query;
    private readonly double _scale;

    public DotProductScorer(int keyWidth, int contextWidth, int projection)
        : base(nameof(DotProductScorer))
    {
        _keys = nn.Linear(keyWidth + contextWidth, projection);
        _query = nn.Linear(keyWidth, projection);
        _scale = 1 / Math.Sqrt(projection);
        RegisterComponents();
    }

    public override Tensor forward(Tensor keys, Tensor context, Tensor query) =>
        (_keys.forward(torch.cat([keys, context], -1)) * _query.forward(query).unsqueeze(1)).sum(-1) * _scale;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _keys.Dispose();
            _query.Dispose();
        }

        base.Dispose(disposing);
    }
}
