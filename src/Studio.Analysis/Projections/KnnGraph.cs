namespace Studio.Analysis.Projections;

/// <summary>One neighbour of a point: its row index and its distance under the metric used.</summary>
public readonly record struct Neighbor(int Index, double Distance);

/// <summary>The k nearest neighbours of every row (self excluded), nearest first.</summary>
public sealed class KnnGraph
{
    private readonly int[] indices;
    private readonly double[] distances;

    public KnnGraph(int rows, int k, int[] indices, double[] distances)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(distances);
        if (indices.Length != rows * k || distances.Length != rows * k)
            throw new ArgumentException("Indices and distances must hold rows * k entries.");
        Rows = rows;
        K = k;
        this.indices = indices;
        this.distances = distances;
    }

    public int Rows { get; }

    public int K { get; }

    public ReadOnlySpan<int> NeighborsOf(int row) => indices.AsSpan(row * K, K);

    public ReadOnlySpan<double> DistancesOf(int row) => distances.AsSpan(row * K, K);
}
