namespace Studio.Analysis.Projections;

/// <summary>
/// t-SNE parameters (defaults as scikit-learn 1.2). The output kernel is Student-t with one degree of freedom in
/// both 2D and 3D (van der Maaten's t-SNE; sklearn uses dof = dims - 1 for 3D).
/// </summary>
/// <param name="Dimensions">2 (quadtree) or 3 (octree).</param>
/// <param name="Perplexity">Effective neighbour count; P uses the 3 * perplexity nearest neighbours.</param>
/// <param name="LearningRate">Null means "auto": max(N / EarlyExaggeration / 4, 50).</param>
/// <param name="Iterations">Total gradient steps, including the early-exaggeration phase.</param>
/// <param name="EarlyExaggeration">Factor on P during the first <paramref name="ExaggerationIterations"/> steps.</param>
/// <param name="Theta">Barnes–Hut accuracy: a cell is summarised when its width / distance is below theta.</param>
/// <param name="Seed">Seeds the tiny jitter on the PCA initialisation; the result is deterministic for a seed.</param>
public sealed record TsneSpec(
    int Dimensions = 2,
    double Perplexity = 30,
    double? LearningRate = null,
    int Iterations = 1000,
    double EarlyExaggeration = 12,
    int ExaggerationIterations = 250,
    double Theta = 0.5,
    int Seed = 0)
{
    public double LearningRateFor(int rows) => LearningRate ?? Math.Max(rows / EarlyExaggeration / 4.0, 50.0);

    public void Validate(int rows)
    {
        if (Dimensions is not (2 or 3)) throw new ArgumentException("t-SNE supports 2 or 3 dimensions.");
        if (Perplexity <= 1 || Perplexity >= rows) throw new ArgumentException($"Perplexity must be in (1, {rows}).");
        if (Iterations < 1 || ExaggerationIterations < 0) throw new ArgumentException("Iterations must be positive.");
        if (Theta < 0) throw new ArgumentException("Theta must be non-negative.");
    }
}
