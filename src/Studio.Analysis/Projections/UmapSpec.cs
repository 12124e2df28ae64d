namespace Studio.Analysis.Projections;

/// <summary>UMAP parameters (defaults as umap-learn).</summary>
/// <param name="Dimensions">Output dimensions (2 or 3).</param>
/// <param name="Neighbors">n_neighbors, counting the point itself as umap-learn does.</param>
/// <param name="MinDist">How tightly points may pack; with <paramref name="Spread"/> it fixes the curve 1 / (1 + a d^2b).</param>
/// <param name="Metric">Distance on the original vectors.</param>
/// <param name="Epochs">Null means umap-learn's default: 500 up to 10k points, 200 above.</param>
/// <param name="Seed">Seeds the negative sampling and the initial jitter; the result is deterministic for a seed.</param>
public sealed record UmapSpec(
    int Dimensions = 2,
    int Neighbors = 15,
    double MinDist = 0.1,
    DistanceMetric Metric = DistanceMetric.Euclidean,
    int? Epochs = null,
    int Seed = 0,
    double Spread = 1.0,
    int NegativeSampleRate = 5,
    double LearningRate = 1.0,
    double RepulsionStrength = 1.0)
{
    public int EpochsFor(int rows) => Epochs ?? (rows <= 10_000 ? 500 : 200);

    public void Validate(int rows)
    {
        if (Dimensions is < 1 or > 3) throw new ArgumentException("UMAP here supports 1 to 3 output dimensions.");
        if (Neighbors < 2 || Neighbors > rows) throw new ArgumentException($"Neighbors must be in [2, {rows}].");
        if (MinDist < 0 || MinDist > Spread) throw new ArgumentException("MinDist must be in [0, Spread].");
        if (EpochsFor(rows) < 1) throw new ArgumentException("Epochs must be positive.");
    }
}
