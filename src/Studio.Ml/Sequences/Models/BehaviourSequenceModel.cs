using Studio.Ml.Models;
using Studio.Ml.Sequences.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Models;

/// <summary>
/// Behaviour-sequence CTR model. A history event's key is [item, category] embeddings and its context [event type,
/// time gap] embeddings; the candidate's query is [item, category]. Pooling weights come from target attention (DIN)
/// or, without a scorer, from the mean over valid positions. The pooled [key, context], the query, pooled key * query
/// and the customer features go through an MLP to one logit.
/// </summary>
public sealed class BehaviourSequenceModel : nn.Module<SequenceBatch, SequenceOutput>
{
    private const double EmbeddingInitStd = 0.1;

    private readonly Embedding _items;
    private readonly Embedding _categories;
    private readonly Embedding _types;
    private readonly Embedding _gaps;
    private readonly AttentionScorer? _scorer;
    private readonly DeepTower _tower;
    private readonly Linear _head;
    private readonly int _keyWidth;

    public BehaviourSequenceModel(SequenceModelShape shape, SequenceSpec spec)
        : base(nameof(BehaviourSequenceModel))
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(spec);
        _items = nn.Embedding(shape.ItemSlots, spec.ItemDimension, padding_idx: 0);
        _categories = nn.Embedding(shape.CategorySlots, spec.ItemDimension, padding_idx: 0);
        _types = nn.Embedding(shape.EventTypeSlots, spec.ContextDimension, padding_idx: 0);
        _gaps = nn.Embedding(shape.GapSlots, spec.ContextDimension, padding_idx: 0);
        _keyWidth = 2 * spec.ItemDimension;
        var contextWidth = 2 * spec.ContextDimension;
        _scorer = spec.Model == SequenceModelKind.TargetAttention ? AttentionScorer.Create(spec, _keyWidth, contextWidth) : null;
        _tower = new DeepTower(_keyWidth + contextWidth + (2 * _keyWidth) + shape.FeatureWidth, spec.Head);
        _head = nn.Linear(_tower.OutputWidth, 1);
        RegisterComponents();
        using var noGrad = torch.no_grad();
        foreach (var table in new[] { _items, _categories, _types, _gaps })
        {
            nn.init.normal_(table.weight!, 0, EmbeddingInitStd);
            table.weight![0].zero_();
        }
    }

    public bool UsesAttention => _scorer is not null;

    /// <summary>The learned item table: row 0 is padding, row i the item of vocabulary index i.</summary>
    public Tensor ItemTable => _items.weight!;

    /// <summary>The learned category table: row 0 is padding (and items without a category).</summary>
    public Tensor CategoryTable => _categories.weight!;

    public override SequenceOutput forward(SequenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var keys = torch.cat([_items.forward(batch.Items), _categories.forward(batch.Categories)], -1);
        var context = torch.cat([_types.forward(batch.Types), _gaps.forward(batch.Gaps)], -1);
        var query = torch.cat([_items.forward(batch.TargetItems), _categories.forward(batch.TargetCategories)], -1);
        var weights = _scorer is null
            ? MaskedPooling.Mean(batch.Mask, keys.dtype)
            : MaskedPooling.Softmax(_scorer.forward(keys, context, query), batch.Mask);
        var pooled = (weights.unsqueeze(-1) * torch.cat([keys, context], -1)).sum(1);
        var parts = new List<Tensor> { pooled, query, pooled.narrow(1, 0, _keyWidth) * query };
        if (batch.CustomerFeatures.shape[1] > 0)
        {
            parts.Add(batch.CustomerFeatures);
        }

        var logits = _head.forward(_tower.forward(torch.cat(parts, 1))).squeeze(-1);
        return new SequenceOutput(logits, weights);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _items.Dispose();
            _categories.Dispose();
            _types.Dispose();
            _gaps.Dispose();
            _scorer?.Dispose();
            _tower.Dispose();
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
