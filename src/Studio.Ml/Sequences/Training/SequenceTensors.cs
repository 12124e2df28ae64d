using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Training;

/// <summary>A split as whole tensors; batches are gathered with index_select (contexts once, examples point at them).</summary>
internal sealed class SequenceTensors : IDisposable
{
    private readonly Tensor _items;
    private readonly Tensor _categories;
    private readonly Tensor _types;
    private readonly Tensor _gaps;
    private readonly Tensor _contextFeatures;
    private readonly Tensor _exampleContext;
    private readonly Tensor _candidateItem;
    private readonly Tensor _candidateCategory;

    public SequenceTensors(SequenceExamples examples, CustomerHistories histories)
    {
        var contexts = examples.ContextCount;
        var t = examples.MaxLength;
        _items = torch.tensor(examples.Items, [contexts, t]);
        _categories = torch.tensor(examples.Categories, [contexts, t]);
        _types = torch.tensor(examples.Types, [contexts, t]);
        _gaps = torch.tensor(examples.Gaps, [contexts, t]);
        var width = histories.FeatureWidth;
        var features = new float[contexts * width];
        for (var c = 0; c < contexts; c++)
        {
            Array.Copy(histories.FeaturesOf(examples.ContextCustomer[c]), 0, features, c * width, width);
        }

        _contextFeatures = torch.tensor(features, [contexts, width]);
        _exampleContext = torch.tensor(examples.ExampleContext);
        _candidateItem = torch.tensor(examples.CandidateItem);
        _candidateCategory = torch.tensor(examples.CandidateCategory);
        Labels = torch.tensor(examples.Label);
        ExampleCount = examples.ExampleCount;
        ContextCount = contexts;
    }

    public Tensor Labels { get; }

    public int ExampleCount { get; }

    public int ContextCount { get; }

    /// <summary>The examples at <paramref name="index"/> (int64 [B]).</summary>
    public SequenceBatch Examples(Tensor index)
    {
        var context = _exampleContext.index_select(0, index);
        return Gather(context, _candidateItem.index_select(0, index), _candidateCategory.index_select(0, index));
    }

    /// <summary>Every context of <paramref name="contexts"/> [k] with every candidate [I]: k * I rows, context-major.</summary>
    public SequenceBatch Cross(Tensor contexts, Tensor candidateItems, Tensor candidateCategories)
    {
        var perContext = candidateItems.shape[0];
        var context = contexts.repeat_interleave(perContext);
        var k = contexts.shape[0];
        return Gather(context, candidateItems.repeat(k), candidateCategories.repeat(k));
    }

    public void Dispose()
    {
        foreach (var tensor in new[] { _items, _categories, _types, _gaps, _contextFeatures, _exampleContext, _candidateItem, _candidateCategory, Labels })
        {
            tensor.Dispose();
        }
    }

    private SequenceBatch Gather(Tensor context, Tensor items, Tensor categories)
    {
        var history = _items.index_select(0, context);
        return new SequenceBatch(
            history,
            _categories.index_select(0, context),
            _types.index_select(0, context),
            _gaps.index_select(0, context),
            history.ne(0),
            items,
            categories,
            _contextFeatures.index_select(0, context));
    }
}
