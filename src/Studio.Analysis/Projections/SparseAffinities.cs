namespace Studio.Analysis.Projections;

/// <summary>A symmetric sparse affinity matrix in CSR form (row i's entries at [RowStart[i], RowStart[i+1])).</summary>
internal sealed class SparseAffinities(int[] rowStart, int[] columns, double[] values)
{
    public int[] RowStart { get; } = rowStart;

    public int[] Columns { get; } = columns;

    public double[] Values { get; } = values;

    public int Rows => RowStart.Length - 1;

    /// <summary>Builds CSR from directed weights w(i -> neighbour), combining w and its transpose with <paramref name="combine"/>.</summary>
    public static SparseAffinities Symmetrize(KnnGraph graph, double[] directed, Func<double, double, double> combine)
    {
        var (n, k) = (graph.Rows, graph.K);
        var entries = new List<(int Row, int Column, double Forward, double Backward)>(n * k * 2);
        for (var i = 0; i < n; i++)
        {
            var neighbours = graph.NeighborsOf(i);
            for (var t = 0; t < k; t++)
            {
                var w = directed[i * k + t];
                if (w == 0) continue;
                entries.Add((i, neighbours[t], w, 0));
                entries.Add((neighbours[t], i, 0, w));
            }
        }
        entries.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        var rowStart = new int[n + 1];
        var cols = new List<int>(entries.Count);
        var vals = new List<double>(entries.Count);
        var e = 0;
        while (e < entries.Count)
        {
            var (row, col, forward, backward) = entries[e++];
            while (e < entries.Count && entries[e].Row == row && entries[e].Column == col)
            {
                forward += entries[e].Forward;
                backward += entries[e].Backward;
                e++;
            }
            cols.Add(col);
            vals.Add(combine(forward, backward));
            rowStart[row + 1]++;
        }
        for (var i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        return new SparseAffinities(rowStart, cols.ToArray(), vals.ToArray());
    }
}
