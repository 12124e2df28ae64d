using System.Globalization;
using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>Missing outcomes, non-binary conversions, and the exclusion mask that follows from the missing-value policy.</summary>
internal static class OutcomeChecks
{
    public static void Run(ExperimentLog log, ExperimentSpec spec, IReadOnlyList<MetricSpec> metrics, RowScan scan)
    {
        var name = log.ExperimentName;
        if (metrics.Count == 0)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.NoOutcomeColumns, IssueSeverity.Error,
                $"Experiment '{name}': no metric is defined and the log has no outcome column; there is nothing to compare.",
                Column: ExperimentColumns.Converted));
        }

        var columns = metrics.Where(m => log.HasOutcome(m.Column)).Select(m => m.Column)
            .Concat(metrics.Where(m => m.Denominator is not null && log.HasOutcome(m.Denominator)).Select(m => m.Denominator!))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var column in metrics.Where(m => m.Kind == MetricKind.Proportion && log.HasOutcome(m.Column)).Select(m => m.Column).Distinct(StringComparer.Ordinal))
        {
            CheckBinary(log, scan, column);
        }

        var excludeMissing = spec.MissingOutcomes == MissingOutcomePolicy.ExcludeRows;
        foreach (var column in columns) CheckMissing(log, scan, log.Outcome(column), column, excludeMissing);
        if (log.HasPreCovariate) CheckMissing(log, scan, log.PreCovariate, ExperimentColumns.PreCovariate, excludeMissing);
        if (excludeMissing && scan.ExcludedRows > 0)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.RowsExcluded, IssueSeverity.Warning,
                $"Experiment '{name}': {scan.ExcludedRows} row(s) with a missing outcome or covariate were excluded from the analysis " +
                $"({scan.ExcludedRows * 100.0 / log.RowCount:0.###}% of {log.RowCount}).",
                Count: scan.ExcludedRows));
        }
    }

    private static void CheckBinary(ExperimentLog log, RowScan scan, string column)
    {
        var values = log.Outcome(column);
        long bad = 0;
        var first = -1;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v == 0 || v == 1 || double.IsNaN(v)) continue;
            if (bad++ == 0) first = i;
        }

        if (bad == 0) return;
        scan.Issues.Add(new ValidationIssue(IssueCode.NonBinaryConversion, IssueSeverity.Error,
            $"Experiment '{log.ExperimentName}': column {column} is a proportion metric and must hold 0/1 (or true/false) but has {bad} other value(s); " +
            $"first at row {first + 1} (unit '{log.UnitLabel(first)}', variant '{log.Variants[first]}'): {values[first].ToString("R", CultureInfo.InvariantCulture)}. " +
            "Analyse it as a mean metric instead, or fix the column.",
            log.Variants[first], column, first + 1, log.UnitLabel(first), bad));
    }

    private static void CheckMissing(ExperimentLog log, RowScan scan, ReadOnlySpan<double> values, string column, bool exclude)
    {
        long missing = 0;
        var first = -1;
        var perArm = new long[scan.Arms.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i])) continue;
            if (missing++ == 0) first = i;
            if (scan.RowArm[i] >= 0) perArm[scan.RowArm[i]]++;
            if (!exclude) continue;
            scan.Excluded ??= new bool[log.RowCount];
            if (!scan.Excluded[i])
            {
                scan.Excluded[i] = true;
                scan.ExcludedRows++;
            }
        }

        if (missing == 0) return;
        var byArm = string.Join(", ", scan.Arms.Select((a, k) => $"'{a}': {perArm[k]}"));
        var where = $"first at row {first + 1} (unit '{log.UnitLabel(first)}', variant '{log.Variants[first]}'); per variant {byArm}";
        scan.Issues.Add(exclude
            ? new ValidationIssue(IssueCode.MissingOutcomes, IssueSeverity.Warning,
                $"Experiment '{log.ExperimentName}': column {column} has {missing} missing value(s), {where}. These rows are excluded.",
                log.Variants[first], column, first + 1, log.UnitLabel(first), missing)
            : new ValidationIssue(IssueCode.MissingOutcomes, IssueSeverity.Error,
                $"Experiment '{log.ExperimentName}': column {column} has {missing} missing value(s), {where}. " +
                $"Fill them, or set MissingOutcomes = ExcludeRows to exclude those rows.",
                log.Variants[first], column, first + 1, log.UnitLabel(first), missing));
    }
}
