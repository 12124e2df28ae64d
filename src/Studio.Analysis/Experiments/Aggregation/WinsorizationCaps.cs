using System.Globalization;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>Caps per mean metric and arm from a <see cref="WinsorizationSpec"/>, over the rows that enter the analysis.</summary>
internal static class WinsorizationCaps
{
    /// <returns>Per metric: the cap per arm, or null for metrics that are not capped (proportions, ratios, or no spec).</returns>
    public static double[]?[] Compute(ExperimentLog log, RowScan scan, IReadOnlyList<MetricColumns> metrics, WinsorizationSpec? spec)
    {
        var caps = new double[]?[metrics.Count];
        if (spec is null) return caps;
        for (var m = 0; m < metrics.Count; m++)
        {
            if (metrics[m].Spec.Kind == MetricKind.Mean) caps[m] = Compute(log, scan, metrics[m], spec);
        }

        return caps;
    }

    private static double[] Compute(ExperimentLog log, RowScan scan, MetricColumns metric, WinsorizationSpec spec)
    {
        var values = metric.Values;
        var armCount = scan.Arms.Count;
        var caps = new double[armCount];
        if (spec.Scope == WinsorizationScope.Pooled)
        {
            var all = new List<double>(values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                if (Included(scan, i)) all.Add(values[i]);
            }

            var cap = CapOrRefuse(log, scan, metric, spec, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all), null);
            Array.Fill(caps, cap);
            return caps;
        }

        var perArm = Enumerable.Range(0, armCount).Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if (Included(scan, i)) perArm[scan.RowArm[i]].Add(values[i]);
        }

        for (var a = 0; a < armCount; a++) caps[a] = CapOrRefuse(log, scan, metric, spec, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(perArm[a]), scan.Arms[a]);
        return caps;
    }

    /// <summary>
    /// The cap, unless capping would give every unit the same value (the cap is at or below the minimum, e.g. the 99th
    /// percentile of a column that is 0 for 99.5 % of units): then an error explains it and suggests a percentile that
    /// keeps the metric variable. With numpy's linear interpolation the cap exceeds the minimum exactly when
    /// percentile &gt; 100 (k - 1) / (n - 1), k = number of values equal to the minimum.
    /// </summary>
    private static double CapOrRefuse(ExperimentLog log, RowScan scan, MetricColumns metric, WinsorizationSpec spec, Span<double> values, string? arm)
    {
        if (values.Length < 2) return double.PositiveInfinity;
        var min = double.PositiveInfinity;
        var atMin = 0;
        foreach (var v in values)
        {
            if (v < min) { min = v; atMin = 0; }
            if (v == min) atMin++;
        }

        var cap = Percentile.OfInPlace(values, spec.Percentile);
        if (cap > min || atMin == values.Length) return cap;
        var c = CultureInfo.InvariantCulture;
        var threshold = 100.0 * (atMin - 1) / (values.Length - 1);
        var suggestion = Math.Min(100, Math.Ceiling((threshold + (100 - threshold) / 2) * 10) / 10);
        var where = arm is null ? "" : $" in variant '{arm}'";
        scan.Issues.Add(new ValidationIssue(IssueCode.WinsorizationMakesConstant, IssueSeverity.Error,
            $"Experiment '{log.ExperimentName}': winsorizing column {metric.Spec.Column}{where} at the {spec.Percentile.ToString(c)}th percentile caps it at " +
            $"{cap.ToString("G6", c)}, the value of {(100.0 * atMin / values.Length).ToString("0.##", c)} % of units, so every unit would have the same value " +
            $"and nothing could be compared. Choose a percentile above {threshold.ToString("0.##", c)}, e.g. {suggestion.ToString(c)}, or turn winsorization off.",
            arm, metric.Spec.Column, Count: atMin));
        return cap;
    }

    private static bool Included(RowScan scan, int row) => scan.RowArm[row] >= 0 && (scan.Excluded is null || !scan.Excluded[row]);
}
