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

/// <summary>DIN's activation unit: an MLP over [x_t, q, x_t - q, x_t * q, context_t] per position.</summary>
public sealed class DinScorer : AttentionScorer
{
    private readonly Sequential _mlp;

    public DinScorer(int keyWidth, int contextWidth, IReadOnlyList<int> hiddenSizes)
        : base(nameof(DinScorer))
    {
        ArgumentNullException.ThrowIfNull(hiddenSizes);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = (4 * keyWidth) + contextWidth;
        foreach (var hidden in hiddenSizes)
        {
            layers.Add(nn.Linear(width, hidden));
            layers.Add(nn.PReLU(1, 0.25));
            width = hidden;
        }

        layers.Add(nn.Linear(width, 1));
        _mlp = nn.Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor keys, Tensor context, Tensor query)
    {
        var q = query.unsqueeze(1).expand_as(keys);
        return _mlp.forward(torch.cat([keys, q, keys - q, keys * q, context], -1)).squeeze(-1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _mlp.Dispose();
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
