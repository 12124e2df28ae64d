namespace Studio.Analysis.Clustering;

/// <summary>Adjusted Rand index between two labelings, via the pair confusion matrix as sklearn's adjusted_rand_score.</summary>
public static class AdjustedRandIndex
{
    public static double Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count) throw new ArgumentException("Labelings must have the same length.", nameof(predicted));
        var (a, ka) = Silhouette.Densify(truth);
        var (b, kb) = Silhouette.Densify(predicted);
        var contingency = new long[ka, kb];
        var rows = new long[ka];
        var columns = new long[kb];
        for (var i = 0; i < a.Length; i++)
        {
            contingency[a[i], b[i]]++;
            rows[a[i]]++;
            columns[b[i]]++;
        }
        long n = a.Length;
        long sumSquares = 0;
        foreach (var c in contingency) sumSquares += c * c;
        long rowSquares = rows.Sum(r => r * r);
        long columnSquares = columns.Sum(c => c * c);
        // Pair confusion matrix: tp counts pairs together in both, fp/fn in one only, tn in neither.
        var tp = (double)(sumSquares - n);
        var fp = (double)(columnSquares - sumSquares);
        var fn = (double)(rowSquares - sumSquares);
        var tn = (double)n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0) return 1.0;
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }
}
