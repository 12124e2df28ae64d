using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Studio.Analysis.Export;

/// <summary>Options for writing a table as an XLSX workbook with one sheet.</summary>
/// <param name="EscapeFormulas">Mark text cells starting with = + - @ (or tab/CR) as quote-prefixed text (Excel's own
/// leading apostrophe, stored as a cell style, so the cell's value stays exactly the text); numbers stay numeric.</param>
/// <param name="SheetName">Worksheet name (Excel allows up to 31 characters, without []:*?/\).</param>
public sealed record XlsxExportOptions(bool EscapeFormulas = true, string SheetName = "Export");

/// <summary>
/// Streams rows into an XLSX sheet with OpenXmlWriter: numbers as numeric cells, booleans as boolean cells, dates and
/// timestamps as Excel date serials (UTC) with a date or date-time number format, everything else as inline strings
/// (never formulas). A package needs a seekable stream, so a non-seekable output (an HTTP response) is buffered in a
/// temporary file first.
/// </summary>
public static class XlsxExport
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows,
        XlsxExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        if (output.CanSeek)
        {
            await WritePackageAsync(output, header, rows, options, cancellationToken);
            return;
        }
        var path = Path.GetTempFileName();
        await using var buffer = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WritePackageAsync(buffer, header, rows, options, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static async Task WritePackageAsync(Stream stream, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows,
        XlsxExportOptions options, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(worksheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint rowIndex = 1;
            WriteRow(writer, rowIndex++, header.Cast<object?>().ToArray(), options.EscapeFormulas);
            await foreach (var row in rows.WithCancellation(cancellationToken))
                WriteRow(writer, rowIndex++, row, options.EscapeFormulas);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = 1,
            Name = options.SheetName,
        }));
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, object?[] values, bool escapeFormulas)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var column = 0; column < values.Length; column++)
        {
            var cell = MakeCell(values[column], escapeFormulas);
            if (cell == null) continue;
            cell.CellReference = ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell? MakeCell(object? value, bool escapeFormulas) => value switch
    {
        DateTimeOffset t => DateCell(t.UtcDateTime),
        DateTime t => DateCell(t),
        _ => ExportCells.KindOf(value) switch
        {
            CellKind.Empty => null,
            CellKind.Number => new Cell { DataType = CellValues.Number, CellValue = new CellValue(CsvExport.Format(value)) },
            CellKind.Boolean => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue((bool)value! ? "1" : "0") },
            _ => TextCell(CsvExport.Format(value), escapeFormulas),
        },
    };

    /// <summary>A date serial (days since 1899-12-30, the fraction is the time of day) shown as a date, or a date and time when it has one.</summary>
    private static Cell DateCell(DateTime time) => new()
    {
        DataType = CellValues.Number,
        CellValue = new CellValue(time.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = time.TimeOfDay == TimeSpan.Zero ? XlsxStyles.Date : XlsxStyles.DateTime,
    };

    private static Cell TextCell(string text, bool escapeFormulas) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = escapeFormulas && ExportCells.LooksLikeFormula(text) ? XlsxStyles.QuotePrefixed : null,
        };

    // XML 1.0 cannot carry most control characters; replace them rather than fail the whole export.
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD');
        return builder.ToString();
    }

    /// <summary>Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }
}
