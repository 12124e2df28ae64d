using System.Text;
using Studio.Analysis.Ingest.Inference;

namespace Studio.Analysis.Ingest;

/// <summary>
/// One pass over a file: open and sniff it, validate the header, buffer the type sample and infer types; then
/// <see cref="ReadRemaining"/> continues from where the sample stopped, so the file is read once.
/// </summary>
internal sealed class ImportSession : IDisposable
{
    private readonly TextSource _source;
    private readonly CsvRecordReader _records;
    private readonly List<SampleRow> _sample = [];
    private readonly MissingValues _missing;
    private bool _sampleConsumed;

    private ImportSession(string fileName, TextSource source, DetectedDelimiter delimiter, MissingValues missing)
    {
        FileName = fileName;
        _missing = missing;
        _source = source;
        Delimiter = delimiter;
        _records = new CsvRecordReader(source.Reader, delimiter.Delimiter, fileName);
    }

    public string FileName { get; }
    public DetectedDelimiter Delimiter { get; }
    public DetectedEncoding Encoding => _source.Encoding;
    public bool IsGzip => _source.IsGzip;
    public long TotalBytes => _source.TotalBytes;
    public long BytesRead => _source.BytesRead;
    public IReadOnlyList<string> Header { get; private set; } = [];
    public IReadOnlyList<InferredColumn> Columns { get; private set; } = [];
    public IReadOnlyList<string> HeaderWarnings { get; private set; } = [];
    public IReadOnlyList<SampleRow> Sample => _sample;
    public MissingValues Missing => _missing;

    /// <summary>The worksheet read when the file is an .xlsx workbook (null for delimited text), and the workbook's sheets.</summary>
    public string? Sheet { get; private set; }
    public IReadOnlyList<string> Sheets { get; private set; } = [];
    private string? _convertedWorkbook;

    /// <summary>Opens a delimited text file, or an .xlsx workbook's <paramref name="sheet"/> (null = the first) converted to CSV.</summary>
    public static ImportSession Open(string path, string fileName, IngestOptions options, MissingValues missing, string? sheet,
        CancellationToken cancellationToken)
    {
        string? converted = null;
        string? sheetRead = null;
        IReadOnlyList<string> sheets = [];
        if (XlsxWorkbook.IsWorkbook(path, fileName))
            (converted, sheetRead, sheets) = XlsxWorkbook.ToCsv(path, fileName, sheet, cancellationToken);
        else if (sheet is not null)
            throw new DataImportException(fileName, $"A sheet ('{sheet}') can only be chosen for an Excel workbook (.xlsx).");
        TextSource? source = null;
        ImportSession? session = null;
        try
        {
            source = TextSource.Open(converted ?? path, fileName, options);
            var delimiter = converted is null ? DelimiterSniffer.Sniff(source.HeadText, fileName)
                : new DetectedDelimiter(',', 0, $"worksheet '{sheetRead}' of the workbook");
            session = new ImportSession(fileName, source, delimiter, missing)
            {
                Sheet = sheetRead, Sheets = sheets, _convertedWorkbook = converted,
            };
            session.ReadHeaderAndSample(options, cancellationToken);
            return session;
        }
        catch
        {
            if (session is not null) session.Dispose();
            else
            {
                source?.Dispose();
                if (converted is not null) File.Delete(converted);
            }
            throw;
        }
    }

    private void ReadHeaderAndSample(IngestOptions options, CancellationToken cancellationToken)
    {
        var header = Guard(static s => s._records.ReadHeader())
            ?? throw new DataImportException(FileName, "The file is empty (no header row).");
        HeaderWarnings = HeaderValidator.Validate(header, FileName, options);
        Header = [.. header.Select(h => h.Trim())];

        var limit = Math.Max(1, Math.Min(options.TypeSampleRows, options.TypeSampleCells / Math.Max(1, Header.Count)));
        while (_sample.Count < limit && Guard(static s => s._records.MoveNext(s.Header)))
        {
            if ((_sample.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            var fields = new string[_records.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = _records.Field(i).ToString();
            _sample.Add(new SampleRow(_records.Line, fields, _records.RawRecord, _records.IsRagged ? _records.RaggedReason : null));
        }
        if (_sample.Count == 0)
            throw new DataImportException(FileName, $"The file has a header ({Header.Count} columns) but no data rows.", 2);

        var wellFormed = _sample.Where(r => r.RaggedReason is null).ToList();
        Columns = [.. Header.Select((name, i) =>
            ColumnTypeInference.Infer(name, wellFormed.Select(r => r.Fields[i]).ToList(), Delimiter.Delimiter, _missing))];
    }

    /// <summary>The buffered sample, once: an import writes it before <see cref="ReadRemaining"/> continues.</summary>
    public IEnumerable<SampleRow> TakeSample()
    {
        if (_sampleConsumed) throw new InvalidOperationException("The sample was already consumed.");
        _sampleConsumed = true;
        return _sample;
    }

    /// <summary>Reads the records after the sample; the accessor is valid until the next call.</summary>
    public bool ReadRemaining() => Guard(static s => s._records.MoveNext(s.Header));

    public long Line => _records.Line;
    public ReadOnlySpan<char> Field(int index) => _records.Field(index);
    public bool IsRagged => _records.IsRagged;
    public string RaggedReason => _records.RaggedReason;
    public string RawRecord => _records.RawRecord;

    public ImportPreview ToPreview(int previewRows) => new(
        FileName, TotalBytes, IsGzip, Encoding.Name, Encoding.Evidence, Delimiter.Delimiter, Delimiter.DisplayName,
        Delimiter.Evidence, Header, [.. _sample.Take(previewRows).Select(r => (IReadOnlyList<string>)r.Fields)], Columns,
        _sample.Count, [.. HeaderWarnings, .. Columns.SelectMany(c => c.Notes.Select(n => $"Column '{c.Name}': {n}"))])
    {
        MissingTokens = _missing.Tokens,
        Sheet = Sheet,
        Sheets = Sheets,
        RaggedSampleLines = [.. _sample.Where(r => r.RaggedReason is not null).Select(r => r.Line)],
    };

    /// <summary>Decoding and decompression fail while reading; report them as import errors at the current line.</summary>
    private T Guard<T>(Func<ImportSession, T> read)
    {
        try
        {
            return read(this);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataImportException(FileName,
                $"The bytes after this line are not valid {Encoding.Name} text (the encoding detected from the start of the file).",
                _records.Line == 0 ? 1 : _records.Line, inner: e);
        }
        catch (InvalidDataException e)
        {
            throw new DataImportException(FileName, "The compressed data is corrupt or truncated.", _records.Line, inner: e);
        }
    }

    public void Dispose()
    {
        _records.Dispose();
        _source.Dispose();
        if (_convertedWorkbook is not null) File.Delete(_convertedWorkbook);
    }
}

/// <summary>A record read while sampling; <see cref="RaggedReason"/> is set when its field count differs from the header's.</summary>
internal sealed record SampleRow(long Line, string[] Fields, string Raw, string? RaggedReason);
