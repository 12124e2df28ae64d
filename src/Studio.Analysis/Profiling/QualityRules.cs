using System.Globalization;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>Turns profile numbers into the warnings an analyst should see before modelling.</summary>
internal static class QualityRules
{
    public const double HighMissingShare = 0.2;

    public static IReadOnlyList<QualityWarning> Warnings(DatasetRole role, long rows, long duplicateRows,
        IReadOnlyList<ColumnProfile> columns, ImportReport? import)
    {
        var warnings = new List<QualityWarning>();
        if (import is not null)
            warnings.AddRange(import.Warnings.Where(w => w.Contains("markup", StringComparison.Ordinal))
                .Select(w => new QualityWarning(QualitySeverity.Warning, null, w)));
        if (duplicateRows > 0)
            warnings.Add(new(QualitySeverity.Warning, null, $"{duplicateRows:N0} row(s) duplicate an earlier row exactly."));

        var keyColumn = role is DatasetRole.Customers or DatasetRole.Products
            ? columns.FirstOrDefault(c => c.Type == ColumnType.Identifier)
            : null;
        foreach (var c in columns)
        {
            if (c.PresentCount == 0)
                warnings.Add(new(QualitySeverity.Warning, c.Name, "Every value is missing."));
            else if (c.MissingShare > HighMissingShare)
                warnings.Add(new(QualitySeverity.Warning, c.Name, $"{Percent(c.MissingShare)} of values are missing."));
            else if (c.MissingCount > 0)
                warnings.Add(new(QualitySeverity.Info, c.Name, $"{c.MissingCount:N0} value(s) missing ({Percent(c.MissingShare)})."));
            if (c.DistinctCount == 1 && rows > 1)
                warnings.Add(new(QualitySeverity.Warning, c.Name, "The column holds a single value; it carries no information."));
            if (c.DuplicateKeyCount > 0 && ReferenceEquals(c, keyColumn))
                warnings.Add(new(QualitySeverity.Warning, c.Name,
                    $"{c.DuplicateKeyCount:N0} row(s) repeat a key; a {role.ToString().ToLowerInvariant()} table should have one row per key."));
            if (c.Numeric is { ZScoreOutlierCount: > 0 } n)
                warnings.Add(new(QualitySeverity.Info, c.Name,
                    $"{n.ZScoreOutlierCount:N0} value(s) more than 3 standard deviations from the mean; {n.IqrOutlierCount:N0} outside the 1.5×IQR fences."));
            if (c.Type == ColumnType.Categorical && c.DistinctCount > 1000)
                warnings.Add(new(QualitySeverity.Info, c.Name, $"{c.DistinctCount:N0} categories; consider grouping rare ones."));
        }
        if (import is not null)
        {
            foreach (var c in import.Columns)
            {
                if (c.UnparseableCount > 0)
                    warnings.Add(new(QualitySeverity.Warning, c.Name, $"{c.UnparseableCount:N0} value(s) did not parse as {c.Type} (lines {Lines(c, CellIssueKind.Unparseable)})."));
                if (c.NonFiniteCount > 0)
                    warnings.Add(new(QualitySeverity.Warning, c.Name, $"{c.NonFiniteCount:N0} NaN/Infinity value(s) stored as missing (lines {Lines(c, CellIssueKind.NonFinite)})."));
                if (c.OtherDateFormatCount > 0)
                    warnings.Add(new(QualitySeverity.Warning, c.Name, $"{c.OtherDateFormatCount:N0} date(s) in another format than the rest (lines {Lines(c, CellIssueKind.OtherDateFormat)})."));
            }
        }
        return warnings;
    }

    private static string Percent(double share) => share.ToString("P1", CultureInfo.CurrentCulture);

    private static string Lines(ColumnImportReport column, CellIssueKind kind)
    {
        var lines = column.Issues.Where(i => i.Kind == kind).Select(i => i.Line).Take(10).ToList();
        return string.Join(", ", lines) + (lines.Count == 10 ? ", …" : "");
    }
}
