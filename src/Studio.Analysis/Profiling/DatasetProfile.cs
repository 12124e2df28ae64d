using Studio.Analysis.Ingest;
using Studio.Core.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>Everything the profile page shows for one dataset version; arrays are ready for Plotly traces.</summary>
public sealed record DatasetProfile(
    int DatasetId,
    string Name,
    long RowCount,
    long DuplicateRowCount,
    IReadOnlyList<ColumnProfile> Columns,
    DataQualitySummary Summary,
    IReadOnlyList<QualityWarning> Warnings);

public sealed record ColumnProfile(
    int Ordinal,
    string Name,
    ColumnType Type,
    long PresentCount,
    long MissingCount,
    double MissingShare,
    long DistinctCount,
    NumericSummary? Numeric,
    Histogram? Histogram,
    IReadOnlyList<TopValue> TopValues,
    DateRange? Dates,
    // For identifier columns: rows whose key already appeared in an earlier row; null otherwise.
    long? DuplicateKeyCount,
    long UnparseableCount,
    // Unparseable, NaN/Infinity and other-format cells from the import, with their file lines.
    IReadOnlyList<CellIssue> Issues);

/// <summary>Quantiles use linear interpolation between order statistics (numpy's default, Hyndman–Fan type 7).</summary>
public sealed record NumericSummary(
    double Min,
    double Max,
    double Mean,
    // Sample standard deviation (n − 1).
    double StdDev,
    Quantiles Quantiles,
    double IqrLowerFence,
    double IqrUpperFence,
    // Values outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR].
    long IqrOutlierCount,
    // Values with |x − mean| / std > 3.
    long ZScoreOutlierCount);

public sealed record Quantiles(double P1, double P5, double P25, double P50, double P75, double P95, double P99);

/// <summary><see cref="Edges"/> has one more element than <see cref="Counts"/>; the last bin includes its upper edge.</summary>
public sealed record Histogram(double[] Edges, long[] Counts)
{
    public double[] Centers => [.. Counts.Select((_, i) => (Edges[i] + Edges[i + 1]) / 2)];
}

public sealed record TopValue(string Value, long Count, double Share);

public sealed record DateRange(DateTime MinUtc, DateTime MaxUtc);

public enum QualitySeverity
{
    Info,
    Warning,
}

public sealed record QualityWarning(QualitySeverity Severity, string? Column, string Message);

public sealed record DataQualitySummary(
    long Cells,
    long MissingCells,
    // Share of cells holding a value.
    double Completeness,
    long DuplicateRows,
    long UnparseableCells,
    int ColumnsWithMissing,
    int WarningCount);
