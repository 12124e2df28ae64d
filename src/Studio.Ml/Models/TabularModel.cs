using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>
/// A model over encoded tabular rows: <c>forward(categorical [B x fields] int64, numeric [B x width] float32)</c>
/// gives raw outputs [B x outputs] (logits, or the standardized regression value).
/// </summary>
public abstract class TabularModel : nn.Module<Tensor, Tensor, Tensor>
{
    protected TabularModel(string name)
        : base(name)
    {
    }

    /// <summary>The learned embedding table of a categorical field, [cardinality x dimension].</summary>
    public abstract Tensor EmbeddingTable(int field);

    /// <summary>The activations of the last hidden layer per row (the representation the head reads).</summary>
    public abstract Tensor Represent(Tensor categorical, Tensor numeric);
}
