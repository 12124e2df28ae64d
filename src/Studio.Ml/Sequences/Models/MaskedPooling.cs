using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Models;

/// <summary>Turns scores into pooling weights that are exactly zero on padding.</summary>
public static class MaskedPooling
{
    /// <summary>
    /// Softmax over the valid positions: padding is set to -inf first, so it gets exactly zero weight. A row with no
    /// valid position would be a softmax over all -inf (NaN); such rows are softmaxed over zeros instead and then
    /// masked, so they come out all zero and no NaN reaches the forward pass or the gradients.
    /// </summary>
    public static Tensor Softmax(Tensor scores, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(mask);
        using var scope = torch.NewDisposeScope();
        var masked = scores.masked_fill(mask.logical_not(), double.NegativeInfinity);
        var safe = torch.where(mask.any(1, keepdim: true), masked, torch.zeros_like(scores));
        return (torch.softmax(safe, 1) * mask.to_type(scores.dtype)).MoveToOuterDisposeScope();
    }

    /// <summary>1 / (number of valid positions) on each valid position; all zero for a fully padded row.</summary>
    public static Tensor Mean(Tensor mask, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(mask);
        using var scope = torch.NewDisposeScope();
        var valid = mask.to_type(dtype);
        return (valid / valid.sum(1, keepdim: true).clamp_min(1)).MoveToOuterDisposeScope();
    }
}
