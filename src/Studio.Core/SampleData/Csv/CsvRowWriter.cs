using System.Globalization;
using System.Text;

namespace Studio.Core.SampleData.Csv;

/// <summary>
/// Streams one CSV file: UTF-8 without BOM, comma separated, '\n' line ends, header first, every
/// number formatted with the invariant culture. Fields are appended one by one so a million rows
/// cost no per-row string.
/// </summary>
internal sealed class CsvRowWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private bool _rowStarted;

    public CsvRowWriter(string path, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        foreach (var column in header)
        {
            Text(column);
        }

        EndRow();
    }

    public long Rows { get; private set; } = -1;

    public CsvRowWriter Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Separate();
        if (value.AsSpan().IndexOfAny(",\"\n\r") >= 0)
        {
            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            _writer.Write('"');
        }
        else
        {
            _writer.Write(value);
        }

        return this;
    }

    public CsvRowWriter Integer(long value) => Formatted(value, default);

    public CsvRowWriter Flag(bool value) => Integer(value ? 1 : 0);

    public CsvRowWriter Boolean(bool value) => Text(value ? "true" : "false");

    /// <summary>Fixed-point decimal; money uses two places.</summary>
    public CsvRowWriter Decimal(double value, int places = 2)
    {
        // Avoid "-0.00" for tiny negative rounding noise.
        var rounded = Math.Round(value, places, MidpointRounding.AwayFromZero);
        return Formatted(rounded == 0 ? 0.0 : rounded, PlacesFormat(places));
    }

    public CsvRowWriter Date(DateOnly value) => Formatted(value, "yyyy-MM-dd");

    public CsvRowWriter Timestamp(DateTime utc) => Formatted(utc, "yyyy-MM-dd'T'HH:mm:ss'Z'");

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
        Rows++;
    }

    public void Dispose() => _writer.Dispose();

    private CsvRowWriter Formatted<T>(T value, ReadOnlySpan<char> format)
        where T : ISpanFormattable
    {
        Separate();
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            _writer.Write(buffer[..written]);
        }
        else
        {
            _writer.Write(value.ToString(format.ToString(), CultureInfo.InvariantCulture));
        }

        return this;
    }

    private void Separate()
    {
        if (_rowStarted)
        {
            _writer.Write(',');
        }

        _rowStarted = true;
    }

    private static string PlacesFormat(int places) => places switch
    {
        0 => "F0",
        2 => "F2",
        4 => "F4",
        6 => "F6",
        _ => "F" + places.ToString(CultureInfo.InvariantCulture),
    };
}
