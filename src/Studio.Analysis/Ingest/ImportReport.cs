using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

public enum CellIssueKind
{
    /// <summary>The value does not parse as the column's type; stored as missing.</summary>
    Unparseable,
    /// <summary>NaN or Infinity in a decimal column; stored as missing.</summary>
    NonFinite,
    /// <summary>A date written in another format than most of the column; parsed and stored.</summary>
    OtherDateFormat,
}

/// <summary>One cell the import could not take as it stood. <see cref="Line"/> is the file line (header = 1).</summary>
public sealed record CellIssue(long Line, string Column, string Value, CellIssueKind Kind);

/// <summary>What the import did with one column. Counts cover the whole file; <see cref="Issues"/> keeps the first ones.</summary>
public sealed record ColumnImportReport(
    int Ordinal,
    string Name,
    ColumnType Type,
    InferredColumn Inferred,
    long MissingCount,
    long UnparseableCount,
    long NonFiniteCount,
    long OtherDateFormatCount,
    IReadOnlyList<CellIssue> Issues);

public sealed record ImportReport(
    string FileName,
    string Encoding,
    char Delimiter,
    bool IsGzip,
    long Rows,
    IReadOnlyList<ColumnImportReport> Columns,
    IReadOnlyList<string> Warnings);

public sealed record ImportResult(Dataset Dataset, ImportReport Report);

/// <summary>What the analyst sees before importing: how the file was read, its first rows and the inferred types.</summary>
public sealed record ImportPreview(
    string FileName,
    long FileBytes,
    bool IsGzip,
    string Encoding,
    string EncodingEvidence,
    char Delimiter,
    string DelimiterName,
    string DelimiterEvidence,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<InferredColumn> Columns,
    int SampledRows,
    IReadOnlyList<string> Warnings);
