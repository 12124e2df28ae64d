using System.Globalization;

namespace Studio.Ml.Projections.Jobs;

/// <summary>Explains, before anything starts, why a request cannot run on a source of this size.</summary>
public static class ProjectionRules
{
    public static IReadOnlyList<string> Problems(ProjectionRequest request, int rows, int sourceDimensions)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        void Add(FormattableString message) => problems.Add(message.ToString(CultureInfo.CurrentCulture));
        if (request.Dimensions is not (2 or 3)) Add($"Choose 2 or 3 output dimensions (got {request.Dimensions}).");
        if (rows < 4) Add($"The source has {rows} points; a projection needs at least 4.");
        switch (request.Method)
        {
            case ProjectionMethod.Pca when sourceDimensions < request.Dimensions:
                Add($"PCA to {request.Dimensions}D needs vectors of at least {request.Dimensions} values; this source has {sourceDimensions}.");
                break;
            case ProjectionMethod.Tsne:
                var tsne = request.EffectiveTsne;
                if (tsne.Perplexity <= 1 || tsne.Perplexity >= rows) Add($"Perplexity must be above 1 and below the {rows:N0} points (got {tsne.Perplexity:G4}).");
                if (tsne.Iterations < 1) Add($"Iterations must be at least 1 (got {tsne.Iterations}).");
                if (tsne.LearningRate is <= 0) Add($"The learning rate must be positive (got {tsne.LearningRate:G4}).");
                break;
            case ProjectionMethod.Umap:
                var umap = request.EffectiveUmap;
                if (umap.Neighbors < 2 || umap.Neighbors > rows) Add($"Neighbours must be between 2 and the {rows:N0} points (got {umap.Neighbors}).");
                if (umap.MinDist < 0 || umap.MinDist > umap.Spread) Add($"Minimum distance must be between 0 and {umap.Spread:G3} (got {umap.MinDist:G3}).");
                break;
        }
        return problems;
    }
}
