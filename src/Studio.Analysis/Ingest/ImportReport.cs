using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

public enum CellIssueKind
{
    /// <summary>The value does not parse as the type the analyst chose; handled by <see cref="BadValuePolicy"/>.</summary>
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
    IReadOnlyList<CellIssue> Issues)
{
    /// <summary>Why the column has its type: inferred from the sample and confirmed by every row, re-typed, or chosen.</summary>
    public string TypeReason { get; init; } = "";
    /// <summary>The type inferred from the sample when a later value did not fit it.</summary>
    public ColumnType? RetypedFrom { get; init; }
    public bool ChosenByAnalyst { get; init; }
}

/// <summary>A line left out of the dataset: where, which column (null for a ragged line) and why.</summary>
public sealed record RejectedRow(long Line, string? Column, string Reason, string Value);

public sealed record ImportReport(
    string FileName,
    string Encoding,
    char Delimiter,
    bool IsGzip,
    long Rows,
    IReadOnlyList<ColumnImportReport> Columns,
    IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<string> MissingTokens { get; init; } = MissingValues.DefaultTokens;
    public BadValuePolicy BadValues { get; init; }
    /// <summary>The worksheet imported from an .xlsx workbook; null for delimited text.</summary>
    public string? Sheet { get; init; }
    /// <summary>Lines whose field count differs from the header's (all counted).</summary>
    public long RaggedLines { get; init; }
    /// <summary>Lines left out under <see cref="BadValuePolicy.RejectRow"/>; all are in the rejected-rows file.</summary>
    public long RejectedRows { get; init; }
    /// <summary>The first rejected cells and lines; the rejected-rows file has every one.</summary>
    public IReadOnlyList<RejectedRow> Rejections { get; init; } = [];
}

/// <summary><see cref="RejectedRowsFile"/> is a temporary CSV of every rejected line (the caller keeps or deletes it).</summary>
public sealed record ImportResult(Dataset Dataset, ImportReport Report, string? RejectedRowsFile = null);

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
    IReadOnlyList<string> Warnings)
{
    /// <summary>The cell values read as missing (besides an empty cell); the analyst can change them per import.</summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = MissingValues.DefaultTokens;
    /// <summary>The worksheet read when the upload is an .xlsx workbook, and all its sheets (empty for delimited text).</summary>
    public string? Sheet { get; init; }
    public IReadOnlyList<string> Sheets { get; init; } = [];
    /// <summary>Sampled lines whose field count differs from the header's.</summary>
    public IReadOnlyList<long> RaggedSampleLines { get; init; } = [];
}
