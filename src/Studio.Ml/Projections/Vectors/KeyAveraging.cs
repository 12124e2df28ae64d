using Studio.Analysis.Projections;

namespace Studio.Ml.Projections.Vectors;

/// <summary>One vector per distinct key: rows that share a key are averaged, rows without a key are dropped.</summary>
internal static class KeyAveraging
{
    /// <param name="rowKeys">Key per row, or null to key rows by their 1-based number.</param>
    public static (IReadOnlyList<string> Keys, PointMatrix Vectors) Average(float[][] rows, IReadOnlyList<string?>? rowKeys)
    {
        if (rows.Length == 0) throw new InvalidOperationException("The dataset has no rows to take vectors from.");
        var width = rows[0].Length;
        var order = new List<string>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var sums = new List<double[]>();
        var counts = new List<int>();
        for (var r = 0; r < rows.Length; r++)
        {
            var key = rowKeys is null ? (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : rowKeys[r];
            if (key is null) continue;
            if (!slots.TryGetValue(key, out var slot))
            {
                slot = order.Count;
                slots[key] = slot;
                order.Add(key);
                sums.Add(new double[width]);
                counts.Add(0);
            }
            var sum = sums[slot];
            for (var j = 0; j < width; j++) sum[j] += rows[r][j];
            counts[slot]++;
        }
        if (order.Count == 0) throw new InvalidOperationException("Every row's key is missing.");
        var values = new double[order.Count * width];
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = 0; j < width; j++) values[i * width + j] = sums[i][j] / counts[i];
        }
        return (order, new PointMatrix(order.Count, width, values));
    }
}
