namespace Studio.Analysis.Export;

/// <summary>File format of a segment list.</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>What to export: the analyst's chosen columns (by header name, in the order wanted) and the format.</summary>
public sealed record SegmentExportRequest(IReadOnlyList<string> Columns, ExportFormat Format, string SheetName = "Segment");

/// <summary>What was written, for the export log (when/which segment is the caller's; rows and format are here).</summary>
public sealed record ExportSummary(ExportFormat Format, int RowCount, IReadOnlyList<string> Columns, string ContentType, string FileExtension);

/// <summary>
/// Writes a segment's rows as CSV (UTF-8 with BOM, CRLF, Excel-friendly) or XLSX, keeping only the chosen columns,
/// with formula escaping of text cells always on.
/// </summary>
public static class SegmentListExport
{
    public static string ContentTypeOf(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileExtensionOf(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    public static async Task<ExportSummary> WriteAsync(Stream output, IReadOnlyList<string> header,
        IAsyncEnumerable<object?[]> rows, SegmentExportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        var positions = request.Columns.Select(name =>
        {
            var at = header.ToList().IndexOf(name);
            return at >= 0 ? at : throw new ArgumentException($"Unknown column '{name}'.", nameof(request));
        }).ToArray();
        var counter = new RowCounter();
        var selected = Select(rows, positions, counter, cancellationToken);
        if (request.Format == ExportFormat.Csv)
            await CsvExport.WriteAsync(output, request.Columns, selected, new CsvExportOptions(ExcelFriendly: true, EscapeFormulas: true), cancellationToken);
        else
            await XlsxExport.WriteAsync(output, request.Columns, selected, new XlsxExportOptions(true, request.SheetName), cancellationToken);
        return new ExportSummary(request.Format, counter.Count, request.Columns, ContentTypeOf(request.Format), FileExtensionOf(request.Format));
    }

    private static async IAsyncEnumerable<object?[]> Select(IAsyncEnumerable<object?[]> rows, int[] positions, RowCounter counter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            counter.Count++;
            yield return positions.Select(p => row[p]).ToArray();
        }
    }

    private sealed class RowCounter
    {
        public int Count { get; set; }
    }
}
