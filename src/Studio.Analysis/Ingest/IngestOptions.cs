using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Studio.Analysis.Ingest;

/// <summary>Limits and sample sizes for imports; <c>Studio:MaxUploadBytes</c> sets the size limit.</summary>
public sealed record IngestOptions
{
    public const string MaxUploadBytesKey = "Studio:MaxUploadBytes";
    public const long DefaultMaxUploadBytes = 1L << 30;
    public const string MaxDecompressedBytesKey = "Studio:MaxDecompressedBytes";
    /// <summary>CSV compresses 5-15x; a gzip upload that expands beyond this is refused (decompression bomb).</summary>
    public const long DefaultMaxDecompressedBytes = 16L << 30;

    /// <summary>SQLite allows 2000 columns per table by default and every row table spends one on its rowid.</summary>
    public const int SqliteColumnLimit = 1999;

    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;
    public long MaxDecompressedBytes { get; init; } = DefaultMaxDecompressedBytes;
    /// <summary>Rows read to infer column types; the rest of the file is verified against them.</summary>
    public int TypeSampleRows { get; init; } = 10_000;
    /// <summary>Caps the sample in cells so a very wide file does not hold millions of strings.</summary>
    public int TypeSampleCells { get; init; } = 2_000_000;
    public int PreviewRows { get; init; } = 50;
    public int MaxColumns { get; init; } = SqliteColumnLimit;
    /// <summary>How many unparseable cells per column are kept with their line numbers (all are counted).</summary>
    public int MaxIssuesPerColumn { get; init; } = 1000;

    public static IngestOptions FromConfiguration(IConfiguration? configuration) => new()
    {
        MaxUploadBytes = Bytes(configuration, MaxUploadBytesKey) ?? DefaultMaxUploadBytes,
        MaxDecompressedBytes = Bytes(configuration, MaxDecompressedBytesKey) ?? DefaultMaxDecompressedBytes,
    };

    private static long? Bytes(IConfiguration? configuration, string key)
    {
        var configured = configuration?[key];
        if (string.IsNullOrWhiteSpace(configured)) return null;
        if (!long.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) || bytes <= 0)
            throw new InvalidOperationException($"{key} must be a positive number of bytes, not '{configured}'.");
        return bytes;
    }
}
