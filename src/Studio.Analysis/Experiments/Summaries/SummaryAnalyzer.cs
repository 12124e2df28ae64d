using System.Globalization;
using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Summaries;

/// <summary>
/// Turns summary input into the same sufficient statistics a unit-level log gives (n, sum = n·mean,
/// sum of squares = (n-1)·variance + n·mean²) and assembles the same readout. Daily cumulative rows become per-day
/// increments, so the timeline and its always-valid sequence are computed exactly as for a log.
/// </summary>
internal static class SummaryAnalyzer
{
    public static ExperimentReadout Analyze(SummaryInput input, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(spec);
        var issues = new List<ValidationIssue>();
        void Fail(string message, string? variant = null, string? column = null) =>
            issues.Add(new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, $"Experiment '{spec.Name}': {message}", variant, column));

        var metrics = input.Metrics;
        if (metrics.Count == 0) Fail("no metric is defined; there is nothing to compare.");
        foreach (var metric in metrics.Where(m => m.Kind == MetricKind.Ratio))
        {
            Fail($"ratio metric {metric.Name} needs unit-level data (the covariance of its two columns); summary input supports proportion and mean metrics.", column: metric.Column);
        }

        if (spec.Winsorization is not null) Fail("winsorization needs unit-level data; summary input has no individual values to cap. Turn it off.");
        if (spec.SegmentAttribute is not null) Fail($"a segment breakdown ('{spec.SegmentAttribute}') needs unit-level data.");
        if (!(spec.SrmThreshold > 0 && spec.SrmThreshold < 1)) Fail($"the SRM threshold must be in (0, 1), not {spec.SrmThreshold.ToString(CultureInfo.InvariantCulture)}.");
        if (!(spec.Alpha > 0 && spec.Alpha < 1)) Fail($"alpha must be in (0, 1), not {spec.Alpha.ToString(CultureInfo.InvariantCulture)}.");

        var metricIndex = metrics.Select((m, i) => (m.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var arms = new List<string> { spec.ControlVariant };
        foreach (var v in spec.IntendedSplit?.Keys ?? []) if (!arms.Contains(v)) arms.Add(v);
        var daily = input.IsDaily;
        for (var r = 0; r < input.Rows.Count; r++)
        {
            var row = input.Rows[r];
            var where = $"row {(r + 1).ToString(CultureInfo.InvariantCulture)} (variant '{row.Variant}', metric {row.Metric})";
            if (!metricIndex.ContainsKey(row.Metric)) Fail($"{where} names metric {row.Metric}, which is not defined (defined: {string.Join(", ", metricIndex.Keys)}).", row.Variant, row.Metric);
            if (daily != row.Day is not null) Fail($"{where} {(daily ? "has no day, but other rows do" : "has a day, but other rows do not")}; give a day on every row or on none.", row.Variant);
            if (row.N < 0) Fail($"{where} has n = {row.N}; counts cannot be negative.", row.Variant, row.Metric);
            if (!double.IsFinite(row.Mean) && row.N > 0) Fail($"{where} has mean {row.Mean.ToString(CultureInfo.InvariantCulture)}; it must be a finite number.", row.Variant, row.Metric);
            if (!(row.Variance >= 0) || !double.IsFinite(row.Variance)) Fail($"{where} has variance {row.Variance.ToString(CultureInfo.InvariantCulture)}; it must be a finite number ≥ 0.", row.Variant, row.Metric);
            if (metricIndex.TryGetValue(row.Metric, out var mi) && metrics[mi].Kind == MetricKind.Proportion && row.N > 0 && !(row.Mean >= 0 && row.Mean <= 1))
                Fail($"{where} is a proportion but its rate is {row.Mean.ToString(CultureInfo.InvariantCulture)}; a rate lies in [0, 1].", row.Variant, row.Metric);
            if (!arms.Contains(row.Variant))
            {
                if (spec.IntendedSplit is not null) Fail($"{where}: variant '{row.Variant}' is not in the intended split.", row.Variant);
                else arms.Add(row.Variant);
            }
        }

        var keys = input.Rows.GroupBy(r => (r.Variant, r.Metric, r.Day)).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
        if (keys != default) Fail($"variant '{keys.Variant}', metric {keys.Metric}{(keys.Day is { } d ? $", day {d:yyyy-MM-dd}" : "")} appears more than once.", keys.Variant, keys.Metric);
        if (!input.Rows.Any(r => r.Variant == spec.ControlVariant)) Fail($"control variant '{spec.ControlVariant}' has no rows.", spec.ControlVariant);
        if (issues.Count > 0) throw new ExperimentValidationException(spec.Name, issues);

        var days = daily ? input.Rows.Select(r => r.Day!.Value).Distinct().Order().ToList() : [];
        var origin = daily ? days[0].DayNumber : 0;
        var dayCount = daily ? days[^1].DayNumber - origin + 1 : 0;
        var aggregates = new LogAggregates(arms.Count, metrics.Count, dayCount);
        foreach (var group in input.Rows.GroupBy(r => (r.Variant, r.Metric)))
        {
            var a = arms.IndexOf(group.Key.Variant);
            var m = metricIndex[group.Key.Metric];
            var previous = default(MetricAccumulator);
            foreach (var row in group.OrderBy(r => r.Day))
            {
                var current = Totals(row);
                if (daily)
                {
                    if (current.N < previous.N)
                    {
                        Fail($"variant '{row.Variant}', metric {row.Metric}: n falls from {previous.N} to {current.N} on {row.Day:yyyy-MM-dd}; daily rows must be cumulative (totals since the start).", row.Variant, row.Metric);
                        continue;
                    }

                    var increment = current;
                    increment.N -= previous.N;
                    increment.Sum -= previous.Sum;
                    increment.SumSquares -= previous.SumSquares;
                    aggregates.Days[((row.Day!.Value.DayNumber - origin) * arms.Count + a) * metrics.Count + m].Add(increment);
                }

                previous = current;
            }

            aggregates.Arms[a * metrics.Count + m] = previous;
        }

        for (var a = 0; a < arms.Count; a++)
        {
            var units = Enumerable.Range(0, metrics.Count).Select(m => aggregates.Arms[a * metrics.Count + m].N).Distinct().ToList();
            if (units.Count > 1) Fail($"variant '{arms[a]}' has different unit counts per metric ({string.Join(", ", units)}); every metric of an arm must count the same units.", arms[a]);
            if (units.All(n => n == 0)) Fail($"variant '{arms[a]}' has zero units; every arm of the intended split needs units.", arms[a]);
        }

        if (issues.Count > 0) throw new ExperimentValidationException(spec.Name, issues);
        var analysed = Enumerable.Range(0, arms.Count).Sum(aggregates.Units);
        var note = daily ? null : "The input holds per-arm totals only, so there is no timeline.";
        var warnings = new List<ValidationIssue>();
        return ExperimentAnalyzer.Assemble(new ExperimentAnalyzer.AssemblyInput(spec, metrics, arms, aggregates, warnings, analysed, 0,
            false, null, origin, note, null));
    }

    /// <summary>Sufficient statistics of one row: sum = n·mean, sum of squares = (n-1)·variance + n·mean².</summary>
    private static MetricAccumulator Totals(SummaryRow row) => row.N == 0
        ? default
        : new MetricAccumulator { N = row.N, Sum = row.N * row.Mean, SumSquares = (row.N - 1) * row.Variance + row.N * row.Mean * row.Mean };
}
