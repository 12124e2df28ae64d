using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.Models;

/// <summary>The sizes a model is built with, derived from a fitted encoder and the spec.</summary>
public sealed record ModelShape(IReadOnlyList<int> Cardinalities, IReadOnlyList<int> Dimensions, int NumericWidth, int Outputs)
{
    /// <summary>Embeddings start small (N(0, 0.05²)) so FM interactions and the first layer start near zero.</summary>
    public const double EmbeddingInitStd = 0.05;

    public static ModelShape From(TrainingSpec spec, FeatureEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(encoder);
        var cardinalities = encoder.Categorical.Select(v => v.Cardinality).ToList();
        var dimensions = encoder.Categorical.Select(v => spec.Embedding.DimensionFor(v.Column, v.Cardinality)).ToList();
        return new ModelShape(cardinalities, dimensions, encoder.NumericWidth, encoder.Target.OutputCount);
    }
}
