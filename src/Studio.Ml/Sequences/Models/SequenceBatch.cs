using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Models;

/// <summary>
/// A batch of (history, candidate) pairs. History tensors are int64 [B x T] with 0 in padded slots;
/// <see cref="Mask"/> is bool [B x T], true at real events; candidates are int64 [B]; features float32 [B x F].
/// </summary>
public sealed record SequenceBatch(
    Tensor Items,
    Tensor Categories,
    Tensor Types,
    Tensor Gaps,
    Tensor Mask,
    Tensor TargetItems,
    Tensor TargetCategories,
    Tensor CustomerFeatures);

/// <summary>Logits [B] and the pooling weights [B x T] (zero on padding; each row sums to 1, or 0 when fully padded).</summary>
public sealed record SequenceOutput(Tensor Logits, Tensor Weights);

/// <summary>Table sizes a sequence model is built with (each includes the padding row 0).</summary>
public sealed record SequenceModelShape(int ItemSlots, int CategorySlots, int EventTypeSlots, int GapSlots, int FeatureWidth);
