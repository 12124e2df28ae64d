using System.Globalization;
using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>
/// First pass over the log: maps each row's variant to an arm (one dictionary lookup per row at most: consecutive
/// rows with the same string instance reuse the previous answer), and checks outcomes and time order.
/// </summary>
internal static class RowScanner
{
    public static RowScan Scan(ExperimentLog log, ExperimentSpec spec, IReadOnlyList<MetricSpec> metrics)
    {
        var arms = new Dictionary<string, int>(StringComparer.Ordinal) { [spec.ControlVariant] = 0 };
        foreach (var variant in spec.IntendedSplit?.Keys ?? []) arms.TryAdd(variant, arms.Count);
        var declared = spec.IntendedSplit is not null;
        var unknown = new Dictionary<string, (long Count, long FirstRow, string Unit)>(StringComparer.Ordinal);

        var n = log.RowCount;
        var rowArm = new int[n];
        var counts = new List<long>(new long[arms.Count]);
        var variants = log.Variants;
        var times = log.AssignedAt;
        var hasTimes = log.HasAssignmentTime;
        string? lastVariant = null;
        var lastArm = -1;
        long minTicks = long.MaxValue, maxTicks = long.MinValue, previous = long.MinValue;
        long descents = 0, firstDescent = -1;
        for (var i = 0; i < n; i++)
        {
            var variant = variants[i];
            if (!ReferenceEquals(variant, lastVariant))
            {
                lastVariant = variant;
                lastArm = Lookup(variant ?? string.Empty, arms, counts, declared);
                if (lastArm < 0)
                {
                    var key = variant ?? string.Empty;
                    unknown[key] = unknown.TryGetValue(key, out var u) ? (u.Count, u.FirstRow, u.Unit) : (0, i, log.UnitLabel(i));
                }
            }

            rowArm[i] = lastArm;
            if (lastArm >= 0) counts[lastArm]++;
            else
            {
                var u = unknown[variant ?? string.Empty];
                unknown[variant ?? string.Empty] = (u.Count + 1, u.FirstRow, u.Unit);
            }

            if (!hasTimes) continue;
            var ticks = times[i].UtcTicks;
            if (ticks < previous && descents++ == 0) firstDescent = i;
            previous = ticks;
            if (ticks < minTicks) minTicks = ticks;
            if (ticks > maxTicks) maxTicks = ticks;
        }

        var armNames = arms.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var scan = new RowScan
        {
            Arms = armNames,
            RowArm = rowArm,
            RowsPerArm = [.. counts],
            MinTicks = hasTimes ? minTicks : 0,
            MaxTicks = hasTimes ? maxTicks : 0,
            OutOfOrder = descents > 0,
        };

        foreach (var (variant, (count, firstRow, unit)) in unknown)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.UnknownVariant, IssueSeverity.Error,
                $"Experiment '{log.ExperimentName}': variant '{variant}' in column {ExperimentColumns.Variant} is not in the intended split " +
                $"({count} rows, first at row {firstRow + 1}, unit '{unit}'). Add it to the split or fix the log.",
                variant, ExperimentColumns.Variant, firstRow + 1, unit, count));
        }

        if (descents > 0)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.TimestampsOutOfOrder, IssueSeverity.Warning,
                $"Experiment '{log.ExperimentName}': column {ExperimentColumns.AssignedAt} is not in time order ({descents} step(s) back in time, " +
                $"first at row {firstDescent + 1}, unit '{log.UnitLabel((int)firstDescent)}': {times[(int)firstDescent].ToString("O", CultureInfo.InvariantCulture)} " +
                $"after {times[(int)firstDescent - 1].ToString("O", CultureInfo.InvariantCulture)}). Rows were ordered by assignment time for the timeline.",
                log.Variants[(int)firstDescent], ExperimentColumns.AssignedAt, firstDescent + 1, log.UnitLabel((int)firstDescent), descents));
        }

        OutcomeChecks.Run(log, spec, metrics, scan);
        return scan;
    }

    private static int Lookup(string variant, Dictionary<string, int> arms, List<long> counts, bool declared)
    {
        if (arms.TryGetValue(variant, out var index)) return index;
        if (declared) return -1;
        index = arms.Count;
        arms.Add(variant, index);
        counts.Add(0);
        return index;
    }

    /// <summary>Arm-level checks; run after every exclusion is known.</summary>
    public static void CheckArms(ExperimentLog log, ExperimentSpec spec, RowScan scan)
    {
        var name = log.ExperimentName;
        if (log.RowCount == 0)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.EmptyLog, IssueSeverity.Error, $"Experiment '{name}': the log has no rows."));
            return;
        }

        var included = new long[scan.Arms.Count];
        for (var a = 0; a < included.Length; a++) included[a] = scan.RowsPerArm[a];
        if (scan.Excluded is { } excluded)
        {
            for (var i = 0; i < excluded.Length; i++)
            {
                if (excluded[i] && scan.RowArm[i] >= 0) included[scan.RowArm[i]]--;
            }
        }

        if (scan.RowsPerArm[0] == 0)
        {
            var seen = string.Join(", ", scan.Arms.Skip(1).Where((_, i) => scan.RowsPerArm[i + 1] > 0).Select(v => $"'{v}'"));
            scan.Issues.Add(new ValidationIssue(IssueCode.ControlVariantMissing, IssueSeverity.Error,
                $"Experiment '{name}': control variant '{spec.ControlVariant}' has no rows in column {ExperimentColumns.Variant} (variants present: {seen}).",
                spec.ControlVariant, ExperimentColumns.Variant));
        }

        for (var a = 0; a < scan.Arms.Count; a++)
        {
            if (included[a] > 0 || (a == 0 && scan.RowsPerArm[0] == 0)) continue;
            var reason = scan.RowsPerArm[a] == 0
                ? "has zero units in the log"
                : $"has zero units left after excluding {scan.RowsPerArm[a]} row(s)";
            scan.Issues.Add(new ValidationIssue(IssueCode.ZeroUnitVariant, IssueSeverity.Error,
                $"Experiment '{name}': variant '{scan.Arms[a]}' {reason}; every arm of the intended split needs units.",
                scan.Arms[a], ExperimentColumns.Variant));
        }

        var populated = included.Count(c => c > 0);
        if (populated == 1)
        {
            var only = scan.Arms[Array.FindIndex(included, c => c > 0)];
            scan.Issues.Add(new ValidationIssue(IssueCode.SingleArm, IssueSeverity.Error,
                $"Experiment '{name}': only one arm ('{only}') has units; a comparison needs a control and at least one treatment.",
                only, ExperimentColumns.Variant));
        }
    }
}
