using System.Runtime.CompilerServices;
using nietras.SeparatedValues;
using Studio.Analysis.Export;

namespace Studio.Analysis.Ingest;

/// <summary>
/// Records of a delimited text stream (parsed by Sep) with the checks an import needs: every record has the
/// header's field count, quotes are terminated, blank lines are skipped. Quotes are removed here rather than by Sep
/// so that an unterminated quote can be told apart from a value.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly SepReader _reader;
    private readonly string _fileName;
    private int _expectedFields;

    public CsvRecordReader(TextReader text, char delimiter, string fileName)
    {
        _fileName = fileName;
        _reader = Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = false,
        }).From(text);
    }

    /// <summary>1-based line on which the current record starts.</summary>
    public long Line { get; private set; }
    public int FieldCount => _reader.Current.ColCount;

    /// <summary>Reads the first non-blank record as the header; null when the file has no records.</summary>
    public string[]? ReadHeader()
    {
        if (!MoveNextNonBlank()) return null;
        _expectedFields = FieldCount;
        CheckQuotes(null);
        var names = new string[FieldCount];
        for (var i = 0; i < names.Length; i++) names[i] = Field(i).ToString();
        return names;
    }

    /// <summary>
    /// Moves to the next data record. A record with another field count than the header is returned with
    /// <see cref="IsRagged"/> set (the importer fails on it or rejects it); an unclosed quote throws
    /// <see cref="DataImportException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext(IReadOnlyList<string> header)
    {
        if (!MoveNextNonBlank()) return false;
        CheckQuotes(header);
        return true;
    }

    public bool IsRagged => FieldCount != _expectedFields;

    public string RaggedReason =>
        $"Expected {_expectedFields} fields (as in the header) but found {FieldCount}. " +
        "Check for a missing or extra delimiter, or an unquoted delimiter inside a value.";

    /// <summary>The current record as it stands in the file (for the rejected-rows file).</summary>
    public string RawRecord => _reader.Current.Span.ToString();

    /// <summary>
    /// The value of field <paramref name="index"/> with surrounding quotes and doubled quotes removed, and the
    /// spreadsheet formula escape undone ("'=SUM(A1)" reads as "=SUM(A1)", see <see cref="ExportCells.UnescapeFormula"/>),
    /// so that Studio's own exports import back with the values they were written from.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> Field(int index)
    {
        var raw = _reader.Current[index].Span;
        if (raw.Length < 2) return raw;
        if (raw[0] == '\'') return ExportCells.UnescapeFormula(raw);
        if (raw[0] != '"') return raw;
        var inner = raw[1..^1];
        var unquoted = inner.Contains("\"\"", StringComparison.Ordinal) ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
        return ExportCells.UnescapeFormula(unquoted);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MoveNextNonBlank()
    {
        while (_reader.MoveNext())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue;
            Line = row.LineNumberFrom;
            return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckQuotes(IReadOnlyList<string>? header)
    {
        var row = _reader.Current;
        if (!row.Span.Contains('"')) return;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            if (raw.Length == 0 || raw[0] != '"') continue;
            if (raw.Length >= 2 && raw[^1] == '"' && raw.Count('"') % 2 == 0) continue;
            var column = header is not null && i < header.Count ? header[i] : null;
            throw new DataImportException(_fileName,
                "A quoted value is never closed: the quote opened on this line has no matching closing quote.", Line, column);
        }
    }

    public void Dispose() => _reader.Dispose();
}
