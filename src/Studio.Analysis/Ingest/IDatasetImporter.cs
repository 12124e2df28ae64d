using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>Turns an uploaded file into a new, immutable dataset (version 1) of a workspace.</summary>
public interface IDatasetImporter
{
    /// <exception cref="DataImportException">The file cannot be imported; nothing was written.</exception>
    Task<Dataset> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>As <see cref="ImportAsync"/>, also returning what happened to each column (unparseable cells with lines).</summary>
    /// <exception cref="DataImportException">The file cannot be imported; nothing was written.</exception>
    Task<ImportResult> ImportWithReportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>A dry run over the whole file: every record parsed and typed, issues reported, nothing stored.</summary>
    /// <exception cref="DataImportException">The file cannot be imported.</exception>
    Task<ImportReport> ValidateAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Reads only the head of the file: encoding, delimiter, header, first rows and inferred column types.</summary>
    /// <exception cref="DataImportException">The file cannot be read as a table.</exception>
    Task<ImportPreview> SniffAsync(string filePath, string? originalFileName = null, CancellationToken cancellationToken = default,
        ImportChoices? choices = null);
}

public sealed record ImportRequest(
    int WorkspaceId,
    string FilePath,
    string DatasetName,
    DatasetRole Role,
    string? OriginalFileName = null,
    IReadOnlyList<ColumnOverride>? ColumnOverrides = null,
    ImportChoices? Choices = null);

public sealed record ColumnOverride(string Name, ColumnType Type);

/// <summary>What happens to a value that does not fit the type the analyst chose for its column, and to a ragged line.</summary>
public enum BadValuePolicy
{
    /// <summary>The import fails and names every such cell and line (counts, first examples); nothing is written.</summary>
    Fail,
    /// <summary>The value is stored as missing and reported with its line (ragged lines still fail the import).</summary>
    StoreAsMissing,
    /// <summary>The whole line is left out of the dataset and written to a rejected-rows file with the reason.</summary>
    RejectRow,
}

/// <summary>The analyst's choices for one import.</summary>
public sealed record ImportChoices
{
    /// <summary>Cell values read as missing besides an empty cell; null means <see cref="MissingValues.DefaultTokens"/>.</summary>
    public IReadOnlyList<string>? MissingTokens { get; init; }
    public BadValuePolicy BadValues { get; init; } = BadValuePolicy.Fail;
    /// <summary>The worksheet of an .xlsx file to import; null means the first.</summary>
    public string? Sheet { get; init; }
}

public sealed record ImportProgress(long BytesRead, long TotalBytes, long Rows);

/// <summary>An import that cannot go on; says which file, row and column where it knows them.</summary>
public sealed class DataImportException : Exception
{
    public DataImportException(string fileName, string message, long? row = null, string? column = null, Exception? inner = null)
        : base(Compose(fileName, message, row, column), inner)
    {
        FileName = fileName;
        Row = row;
        Column = column;
        Reason = message;
    }

    public DataImportException() : this("(unknown file)", "Import failed.") { }
    public DataImportException(string message) : this("(unknown file)", message) { }
    public DataImportException(string message, Exception inner) : this("(unknown file)", message, null, null, inner) { }

    public string FileName { get; }
    /// <summary>1-based line number in the file (the header is line 1).</summary>
    public long? Row { get; }
    public string? Column { get; }
    public string Reason { get; }
    /// <summary>When the whole file was read before failing: every column's counts and the first bad cells.</summary>
    public ImportReport? Report { get; init; }

    private static string Compose(string fileName, string message, long? row, string? column)
    {
        var where = fileName;
        if (row is not null) where += $", line {row}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {message}";
    }
}
