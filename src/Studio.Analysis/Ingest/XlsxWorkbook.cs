using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Studio.Analysis.Ingest;

/// <summary>
/// Reads one worksheet of an .xlsx workbook (DocumentFormat.OpenXml, streamed with <see cref="OpenXmlReader"/>) into a
/// temporary UTF-8 CSV that the ordinary import then reads, so types, missing tokens and bad-row handling are the same
/// as for CSV. Sheet row r becomes line r of the CSV (empty rows are blank lines), so reported lines are Excel's row
/// numbers unless a cell above holds a line break. Numbers are written as Excel stores them (invariant, full
/// precision), dates (numbers with a date format) as ISO 8601, booleans as true/false, formulas as their cached value.
/// </summary>
internal static class XlsxWorkbook
{
    /// <summary>An .xlsx is a zip package; only the name tells it from other zip files before opening it.</summary>
    public static bool IsWorkbook(string path, string fileName)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return false;
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>Writes <paramref name="sheet"/> (null = the first) as CSV to a new temporary file and returns its path.</summary>
    /// <exception cref="DataImportException">The workbook cannot be read, or has no such sheet.</exception>
    public static (string CsvPath, string Sheet, IReadOnlyList<string> Sheets) ToCsv(string path, string fileName, string? sheet,
        CancellationToken cancellationToken)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FormatException)
        {
            throw new DataImportException(fileName, "This is not a readable Excel workbook (.xlsx): " + e.Message, inner: e);
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new DataImportException(fileName, "The workbook has no worksheets.");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().Where(s => s.Name?.Value is not null && s.Id?.Value is not null).ToList() ?? [];
            if (sheets.Count == 0) throw new DataImportException(fileName, "The workbook has no worksheets.");
            var names = sheets.Select(s => s.Name!.Value!).ToList();
            var chosen = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Name!.Value, sheet, StringComparison.OrdinalIgnoreCase))
                ?? throw new DataImportException(fileName, $"The workbook has no sheet '{sheet}'; its sheets are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
            if (workbook.GetPartById(chosen.Id!.Value!) is not WorksheetPart part)
                throw new DataImportException(fileName, $"Sheet '{chosen.Name}' is not a worksheet (a chart sheet?).");
            var csv = Path.Combine(Path.GetTempPath(), $"studio-xlsx-{Guid.NewGuid():N}.csv");
            try
            {
                Write(part, new CellText(workbook), csv, cancellationToken);
            }
            catch
            {
                File.Delete(csv);
                throw;
            }
            return (csv, chosen.Name!.Value!, names);
        }
    }

    private static void Write(WorksheetPart part, CellText text, string csvPath, CancellationToken cancellationToken)
    {
        using var output = new StreamWriter(csvPath, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        using var reader = OpenXmlReader.Create(part);
        var row = new List<string>();
        var written = 0;
        var width = -1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var element = (Row)reader.LoadCurrentElement()!;
            var number = (int)(element.RowIndex?.Value ?? (uint)(written + 1));
            row.Clear();
            foreach (var cell in element.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : row.Count;
                while (row.Count < column) row.Add("");
                row.Add(text.Of(cell));
            }
            // Excel leaves empty cells out (or keeps formatted empty ones): the header ends at its last name, and a
            // data row is cut or padded to the header's width unless a value stands beyond it (a ragged line).
            while (row.Count > Math.Max(width, 0) && row[^1].Length == 0) row.RemoveAt(row.Count - 1);
            if (row.TrueForAll(v => v.Length == 0)) continue;
            if (width < 0) width = row.Count;
            while (row.Count < width) row.Add("");
            for (; written < number - 1; written++) output.WriteLine();
            output.WriteLine(string.Join(',', row.Select(Quote)));
            written = number;
            if ((written & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value.Trim().Length == value.Length ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>"BC12" → 54 (zero-based column of the reference).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            index = index * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return index - 1;
    }

    /// <summary>Shared strings and date styles of a workbook, and the text of one cell.</summary>
    private sealed class CellText
    {
        private readonly string[] _shared;
        private readonly bool[] _dateStyles;

        public CellText(WorkbookPart workbook)
        {
            _shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
            var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
            _dateStyles = stylesheet?.CellFormats?.Elements<CellFormat>()
                .Select(f => IsDateFormat(f.NumberFormatId?.Value ?? 0, custom)).ToArray() ?? [];
        }

        public string Of(Cell cell)
        {
            var raw = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString)
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _shared.Length ? _shared[i] : "";
            if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
            if (type == CellValues.Boolean) return raw == "1" ? "true" : raw == "0" ? "false" : raw ?? "";
            if (type == CellValues.String || type == CellValues.Error) return raw ?? "";
            if (raw is null) return "";
            var style = (int)(cell.StyleIndex?.Value ?? 0);
            if (style < _dateStyles.Length && _dateStyles[style]
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 0 and < 2_958_466)
            {
                var when = DateTime.FromOADate(serial);
                when = new DateTime((long)Math.Round(when.Ticks / (double)TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond);
                return when.TimeOfDay == TimeSpan.Zero
                    ? when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : when.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            }
            return raw;
        }

        /// <summary>Built-in date/time formats 14-22 and 45-47, or a custom code with d, m, y, h or s outside quotes and brackets.</summary>
        private static bool IsDateFormat(uint id, Dictionary<uint, string> custom)
        {
            if (id is >= 14 and <= 22 or >= 45 and <= 47) return true;
            if (!custom.TryGetValue(id, out var code)) return false;
            var inQuotes = false;
            var inBrackets = false;
            foreach (var ch in code)
            {
                if (ch == '"') inQuotes = !inQuotes;
                else if (!inQuotes && ch == '[') inBrackets = true;
                else if (!inQuotes && ch == ']') inBrackets = false;
                else if (!inQuotes && !inBrackets && "dmyhsDMYHS".Contains(ch, StringComparison.Ordinal)) return true;
            }
            return false;
        }
    }
}
