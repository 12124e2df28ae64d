using Studio.Analysis.Projections;
using Studio.Ml.Projections;
using Studio.Ml.Projections.Jobs;
using Studio.Ml.Projections.Vectors;

namespace Studio.Web.Components.Pages.Projections;

/// <summary>The projection form's editable state; <see cref="ToRequest"/> turns it into the immutable request.</summary>
public sealed class ProjectionFormModel
{
    public ProjectionMethod Method { get; set; } = ProjectionMethod.Pca;
    public int Dimensions { get; set; } = 2;
    public double Perplexity { get; set; } = 30;
    /// <summary>Null = automatic (max(N / 48, 50)).</summary>
    public double? LearningRate { get; set; }
    public int Iterations { get; set; } = 1000;
    public int Neighbors { get; set; } = 15;
    public double MinDist { get; set; } = 0.1;
    public DistanceMetric Metric { get; set; } = DistanceMetric.Euclidean;
    public int Seed { get; set; }

    public ProjectionRequest ToRequest() => Method switch
    {
        ProjectionMethod.Tsne => new ProjectionRequest(Method, Dimensions,
            Tsne: new TsneSpec(Dimensions, Perplexity, LearningRate, Iterations, Seed: Seed)),
        ProjectionMethod.Umap => new ProjectionRequest(Method, Dimensions,
            Umap: new UmapSpec(Dimensions, Neighbors, MinDist, Metric, Seed: Seed)),
        _ => new ProjectionRequest(Method, Dimensions),
    };

    /// <summary>Why the request cannot run on <paramref name="source"/>; empty when it can.</summary>
    public IReadOnlyList<string> Problems(VectorSourceInfo? source) => source is null
        ? ["Choose what to project."]
        : ProjectionRules.Problems(ToRequest(), source.Count, source.Dimensions);
}
