namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Adjusted p-values (statsmodels.stats.multitest.multipletests "holm" and "fdr_bh"). NaN entries are left
/// NaN and do not count towards the number of hypotheses.</summary>
public static class MultipleTesting
{
    public static double[] Adjust(IReadOnlyList<double> pValues, MultipleTestingCorrection method) => method switch
    {
        MultipleTestingCorrection.Holm => Holm(pValues),
        MultipleTestingCorrection.BenjaminiHochberg => BenjaminiHochberg(pValues),
        _ => [.. pValues],
    };

    /// <summary>Holm step-down: adj(i) = max over j ≤ i of min(1, (m - j + 1) p(j)), p sorted ascending.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var (order, result) = Prepare(pValues);
        var m = order.Length;
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            result[order[rank]] = running;
        }

        return result;
    }

    /// <summary>Benjamini–Hochberg step-up: adj(i) = min over j ≥ i of min(1, m p(j) / j), p sorted ascending.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var (order, result) = Prepare(pValues);
        var m = order.Length;
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, (double)m * pValues[order[rank]] / (rank + 1));
            result[order[rank]] = running;
        }

        return result;
    }

    private static (int[] Order, double[] Result) Prepare(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var result = Enumerable.Repeat(double.NaN, pValues.Count).ToArray();
        var order = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        return (order, result);
    }
}
