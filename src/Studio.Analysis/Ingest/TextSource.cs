using System.IO.Compression;

namespace Studio.Analysis.Ingest;

/// <summary>
/// A file opened for reading as text: gzip is recognised by its magic bytes (not the extension) and the encoding
/// by <see cref="EncodingDetector"/>. Only a small head is ever buffered; the rest streams.
/// </summary>
internal sealed class TextSource : IDisposable
{
    private const int HeadBytes = 64 * 1024;

    private readonly FileStream _file;

    private TextSource(FileStream file, bool isGzip, DetectedEncoding encoding, TextReader reader, string headText)
    {
        _file = file;
        HeadText = headText;
        IsGzip = isGzip;
        Encoding = encoding;
        Reader = reader;
    }

    public bool IsGzip { get; }
    public DetectedEncoding Encoding { get; }
    public TextReader Reader { get; }
    /// <summary>The first kilobytes decoded leniently, for sniffing the delimiter.</summary>
    public string HeadText { get; }
    public long TotalBytes => _file.Length;
    /// <summary>Bytes of the file on disk consumed so far (compressed bytes for gzip).</summary>
    public long BytesRead => _file.Position;

    public static TextSource Open(string path, string displayName, IngestOptions options)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new DataImportException(displayName, "The file does not exist.");
        if (info.Length > options.MaxUploadBytes)
            throw new DataImportException(displayName,
                $"The file is {info.Length:N0} bytes, over the upload limit of {options.MaxUploadBytes:N0} bytes ({IngestOptions.MaxUploadBytesKey}).");
        if (info.Length == 0) throw new DataImportException(displayName, "The file is empty.");

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var isGzip = file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
            file.Position = 0;
            Stream content = isGzip
                ? new DecompressedSizeLimit(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), options.MaxDecompressedBytes, displayName)
                : file;
            var buffered = new BufferedStream(content, HeadBytes);
            var head = ReadHead(buffered, displayName, out var isWhole);
            if (head.Length == 0) throw new DataImportException(displayName, isGzip ? "The gzip file holds no data." : "The file is empty.");
            var encoding = EncodingDetector.Detect(head, isWhole)
                ?? throw new DataImportException(displayName,
                    "This looks like a binary file (NUL or control bytes in the first kilobytes), not CSV or TSV text.");
            var replay = new ConcatStream(head, buffered);
            var reader = new StreamReader(replay, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            var lenient = (System.Text.Encoding)encoding.Encoding.Clone();
            lenient.DecoderFallback = System.Text.DecoderFallback.ReplacementFallback;
            return new TextSource(file, isGzip, encoding, reader, lenient.GetString(head).TrimStart('\uFEFF'));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static byte[] ReadHead(Stream stream, string displayName, out bool isWhole)
    {
        var buffer = new byte[HeadBytes];
        var filled = 0;
        try
        {
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0) filled += read;
        }
        catch (InvalidDataException e)
        {
            throw new DataImportException(displayName, "The file starts like gzip but is not valid gzip data.", inner: e);
        }
        isWhole = filled < buffer.Length;
        return buffer[..filled];
    }

    public void Dispose()
    {
        Reader.Dispose();
        _file.Dispose();
    }

    /// <summary>Replays the already-read head, then continues with the live stream.</summary>
    private sealed class ConcatStream(byte[] head, Stream rest) : ReadOnlyStream(rest)
    {
        private int _headPosition;

        public override int Read(Span<byte> buffer)
        {
            if (_headPosition < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - _headPosition);
                head.AsSpan(_headPosition, n).CopyTo(buffer);
                _headPosition += n;
                return n;
            }
            return Inner.Read(buffer);
        }
    }

    /// <summary>Stops a gzip upload that expands beyond the configured size: a few kilobytes can hold gigabytes of zeros.</summary>
    private sealed class DecompressedSizeLimit(Stream inner, long limit, string displayName) : ReadOnlyStream(inner)
    {
        private long _read;

        public override int Read(Span<byte> buffer)
        {
            var n = Inner.Read(buffer);
            _read += n;
            if (_read > limit)
                throw new DataImportException(displayName,
                    $"The gzip file expands to more than {limit:N0} bytes, over the limit for decompressed uploads " +
                    $"({IngestOptions.MaxDecompressedBytesKey}); it may be a decompression bomb. Nothing was imported.");
            return n;
        }
    }
}
