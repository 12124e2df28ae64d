using System.Globalization;
using System.Text;

namespace Studio.Analysis.Export;

/// <summary>Options for writing a table as CSV.</summary>
/// <param name="ExcelFriendly">UTF-8 with BOM so Excel detects the encoding.</param>
/// <param name="EscapeFormulas">Prefix text cells starting with = + - @ (or tab/CR) with an apostrophe, against formula
/// injection; numbers are never escaped (a numeric -5 stays -5). On by default; Studio's importer removes the
/// apostrophe again, so an escaped export imports back with its original values.</param>
public sealed record CsvExportOptions(bool ExcelFriendly = false, bool EscapeFormulas = true);

/// <summary>RFC 4180 CSV writing with invariant number and ISO-8601 date formatting.</summary>
public static class CsvExport
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows,
        CsvExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: options.ExcelFriendly);
        await using var writer = new StreamWriter(output, encoding, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', header.Select(h => Field(h, options.EscapeFormulas))));
        var line = new StringBuilder();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) line.Append(',');
                var escape = options.EscapeFormulas && ExportCells.KindOf(row[i]) == CellKind.Text;
                line.Append(Field(Format(row[i]), escape));
            }
            await writer.WriteLineAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        // Fractions of a second are written when there are any, so a stored timestamp is never rounded on the way out.
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Field(string value, bool escapeFormulas)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (escapeFormulas) value = ExportCells.EscapeFormula(value);
        var needsQuotes = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        return needsQuotes ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
