using Studio.Ml.Training;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Models;

namespace Studio.Ml.Sequences.Training;

/// <summary>
/// The fitted artifact: the spec that produced it, the vocabulary, the customer-feature scaling and the network.
/// Not thread-safe: score from one thread at a time.
/// </summary>
public sealed class TrainedSequenceModel : IDisposable
{
    public TrainedSequenceModel(SequenceSpec spec, SequenceVocabulary vocabulary, FeatureScaling? scaling, BehaviourSequenceModel network)
    {
        Spec = spec;
        Vocabulary = vocabulary;
        Scaling = scaling;
        Network = network;
    }

    public SequenceSpec Spec { get; }

    public SequenceVocabulary Vocabulary { get; }

    public FeatureScaling? Scaling { get; }

    public BehaviourSequenceModel Network { get; }

    /// <summary>Histories of <paramref name="events"/> encoded with this model's vocabulary and feature scaling, for serving.</summary>
    public CustomerHistories HistoriesOf(InteractionLog events, CustomerFeatureTable? features = null) =>
        CustomerHistories.Build(Vocabulary, events, features, Scaling, Spec.MergeRepeatedItems);

    /// <summary>The item embedding, labelled by item id (row 0, padding, labelled "").</summary>
    public EmbeddingTable ItemEmbedding(string field) =>
        Table(field, Network.ItemTable, Enumerable.Range(0, Vocabulary.ItemSlots).Select(Vocabulary.ItemName).ToList());

    /// <summary>The category embedding, labelled by category (row 0, padding, labelled "").</summary>
    public EmbeddingTable CategoryEmbedding(string field) =>
        Table(field, Network.CategoryTable, Enumerable.Range(0, Vocabulary.CategorySlots).Select(Vocabulary.CategoryName).ToList());

    public static SequenceModelShape ShapeOf(SequenceVocabulary vocabulary, FeatureScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new SequenceModelShape(vocabulary.ItemSlots, vocabulary.CategorySlots, vocabulary.EventTypeSlots, TimeGapBuckets.Count, scaling?.Names.Count ?? 0);
    }

    public void Dispose() => Network.Dispose();

    private static EmbeddingTable Table(string field, TorchSharp.torch.Tensor weight, IReadOnlyList<string> labels)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var table = weight.detach().contiguous();
        var width = (int)table.shape[1];
        return new EmbeddingTable(field, labels, table.data<float>().ToArray().Chunk(width).ToArray());
    }
}
