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

    public static SequenceModelShape ShapeOf(SequenceVocabulary vocabulary, FeatureScaling? scaling)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new SequenceModelShape(vocabulary.ItemSlots, vocabulary.CategorySlots, vocabulary.EventTypeSlots, TimeGapBuckets.Count, scaling?.Names.Count ?? 0);
    }

    public void Dispose() => Network.Dispose();
}
