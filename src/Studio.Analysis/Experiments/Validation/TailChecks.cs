using System.Globalization;
using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>
/// Heavy-tail and outlier warnings for mean metrics (on the analysed, possibly winsorized values), each naming the
/// units responsible (the three largest values of the arm):
/// - the standard deviation of one arm is more than <see cref="MaxSdRatio"/> times another's;
/// - an arm is too small for its skewness: n &lt; 355 skewness² (Kohavi et al. 2014, "Seven rules of thumb for web site
///   experimenters", rule 7), so the t-test's normal approximation is doubtful;
/// - one unit carries more than max(1 %, 20 / n) of its arm's total (the result hinges on it).
/// One extra pass per mean metric; the large-log benchmark keeps it inside its budget.
/// </summary>
internal static class TailChecks
{
    public const double MaxSdRatio = 2;
    private const int Top = 3;

    public static void Run(ExperimentLog log, RowScan scan, IReadOnlyList<MetricColumns> metrics, double[]?[] caps, LogAggregates aggregates)
    {
        for (var m = 0; m < metrics.Count; m++)
        {
            if (metrics[m].Spec.Kind == MetricKind.Mean) Check(log, scan, metrics[m], caps[m], aggregates, m);
        }
    }

    private static void Check(ExperimentLog log, RowScan scan, MetricColumns metric, double[]? cap, LogAggregates aggregates, int m)
    {
        var armCount = scan.Arms.Count;
        var mean = new double[armCount];
        for (var a = 0; a < armCount; a++)
        {
            var t = aggregates.Arms[a * aggregates.MetricCount + m];
            mean[a] = t.N > 0 ? t.Sum / t.N : 0;
        }

        var m2 = new double[armCount];
        var m3 = new double[armCount];
        var n = new long[armCount];
        var top = new (double Value, int Row)[armCount][];
        for (var a = 0; a < armCount; a++) top[a] = [.. Enumerable.Repeat((double.NegativeInfinity, -1), Top)];
        var values = metric.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var a = scan.RowArm[i];
            if (a < 0 || (scan.Excluded is not null && scan.Excluded[i])) continue;
            var y = values[i];
            if (cap is not null && y > cap[a]) y = cap[a];
            var d = y - mean[a];
            var d2 = d * d;
            m2[a] += d2;
            m3[a] += d2 * d;
            n[a]++;
            var slots = top[a];
            if (y <= slots[Top - 1].Value) continue;
            var k = Top - 1;
            while (k > 0 && y > slots[k - 1].Value) { slots[k] = slots[k - 1]; k--; }
            slots[k] = (y, i);
        }

        var c = CultureInfo.InvariantCulture;
        var name = log.ExperimentName;
        var column = metric.Spec.Column;
        string Units(int a) => string.Join(", ", top[a].Where(t => t.Row >= 0).Select(t => $"unit '{log.UnitLabel(t.Row)}' ({t.Value.ToString("G6", c)})"));
        IReadOnlyList<string> Examples(int a) => [.. top[a].Where(t => t.Row >= 0).Select(t => log.UnitLabel(t.Row))];
        var sd = Enumerable.Range(0, armCount).Select(a => n[a] > 1 ? Math.Sqrt(m2[a] / (n[a] - 1)) : double.NaN).ToArray();

        var valid = Enumerable.Range(0, armCount).Where(a => sd[a] > 0).ToList();
        if (valid.Count >= 2)
        {
            var wide = valid.MaxBy(a => sd[a]);
            var narrow = valid.MinBy(a => sd[a]);
            if (sd[wide] > MaxSdRatio * sd[narrow])
            {
                scan.Issues.Add(new ValidationIssue(IssueCode.HeavyTail, IssueSeverity.Warning,
                    $"Experiment '{name}': column {column} has a standard deviation {(sd[wide] / sd[narrow]).ToString("0.0", c)}× larger in variant '{scan.Arms[wide]}' " +
                    $"({sd[wide].ToString("G4", c)}) than in '{scan.Arms[narrow]}' ({sd[narrow].ToString("G4", c)}). Largest values in '{scan.Arms[wide]}': {Units(wide)}. " +
                    "Check these units (bots, test accounts, logging errors) or winsorize before deciding.",
                    scan.Arms[wide], column, top[wide][0].Row + 1, log.UnitLabel(top[wide][0].Row), Examples: Examples(wide)));
            }
        }

        for (var a = 0; a < armCount; a++)
        {
            if (n[a] < 3 || !(m2[a] > 0)) continue;
            var skew = m3[a] / n[a] / Math.Pow(m2[a] / n[a], 1.5);
            if (n[a] < 355 * skew * skew)
            {
                scan.Issues.Add(new ValidationIssue(IssueCode.HeavyTail, IssueSeverity.Warning,
                    $"Experiment '{name}': column {column} is heavily skewed in variant '{scan.Arms[a]}' (skewness {skew.ToString("0.#", c)}): " +
                    $"{n[a].ToString(c)} units are fewer than the {Math.Ceiling(355 * skew * skew).ToString("N0", c)} (355 × skewness²) the t-test's normal approximation needs. " +
                    $"Largest values: {Units(a)}. Winsorize, or read the interval with caution.",
                    scan.Arms[a], column, top[a][0].Row + 1, log.UnitLabel(top[a][0].Row), Examples: Examples(a)));
            }

            var total = mean[a] * n[a];
            var share = total > 0 ? top[a][0].Value / total : 0;
            if (share > Math.Max(0.01, 20.0 / n[a]))
            {
                scan.Issues.Add(new ValidationIssue(IssueCode.OutlierDominance, IssueSeverity.Warning,
                    $"Experiment '{name}': in variant '{scan.Arms[a]}' one unit, '{log.UnitLabel(top[a][0].Row)}' (row {top[a][0].Row + 1}), carries " +
                    $"{(share * 100).ToString("0.#", c)} % of the arm's total {column} ({top[a][0].Value.ToString("G6", c)} of {total.ToString("G6", c)}); the result hinges on it. " +
                    $"Largest values: {Units(a)}.",
                    scan.Arms[a], column, top[a][0].Row + 1, log.UnitLabel(top[a][0].Row), Examples: Examples(a)));
            }
        }
    }
}
