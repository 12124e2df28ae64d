using System.Text;
using System.Text.Unicode;

namespace Studio.Analysis.Ingest;

/// <summary>The text encoding of a file and how it was recognised.</summary>
public sealed record DetectedEncoding(Encoding Encoding, string Name, string Evidence);

/// <summary>
/// Recognises the encoding from the first bytes of the (decompressed) content: a byte-order mark, the NUL pattern
/// of BOM-less UTF-16, valid UTF-8, else GB18030 (Chinese exports) when the bytes decode as that.
/// Returns null for content that is not text.
/// </summary>
public static class EncodingDetector
{
    private const int Gb18030CodePage = 54936;

    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DetectedEncoding? Detect(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new(StrictUtf8(), "UTF-8", "byte-order mark");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new(new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true), "UTF-16 LE", "byte-order mark");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new(new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true), "UTF-16 BE", "byte-order mark");

        var utf16 = Utf16ByNulPattern(head);
        if (utf16 is not null) return utf16;
        if (head.Contains((byte)0) || ControlByteShare(head) > 0.01) return null;

        var complete = isWholeFile ? head : TrimIncompleteUtf8Tail(head);
        if (Utf8.IsValid(complete))
            return new(StrictUtf8(), "UTF-8", head.ContainsAnyExceptInRange((byte)0, (byte)0x7F) ? "valid UTF-8" : "ASCII");
        var gb18030 = Encoding.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (DecodesStrictly(gb18030, isWholeFile ? head : head[..Math.Max(0, head.Length - 4)]))
            return new(gb18030, "GB18030", "not valid UTF-8 but valid GB18030");
        return new(Encoding.Latin1, "Latin-1", "neither UTF-8 nor GB18030; read byte by byte as Latin-1");
    }

    private static UTF8Encoding StrictUtf8() => new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    /// <summary>ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.</summary>
    private static DetectedEncoding? Utf16ByNulPattern(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length, 4096) / 2;
        if (pairs < 2) return null;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (head[i] == 0) evenNul++;
            if (head[i + 1] == 0) oddNul++;
        }
        if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05)
            return new(new UnicodeEncoding(false, false, true), "UTF-16 LE", "NUL pattern without byte-order mark");
        if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05)
            return new(new UnicodeEncoding(true, false, true), "UTF-16 BE", "NUL pattern without byte-order mark");
        return null;
    }

    private static double ControlByteShare(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return 0;
        var control = 0;
        foreach (var b in head)
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) or 0x7F) control++;
        return (double)control / head.Length;
    }

    /// <summary>A sample cut at an arbitrary byte may end inside a multi-byte sequence; drop that partial tail.</summary>
    private static ReadOnlySpan<byte> TrimIncompleteUtf8Tail(ReadOnlySpan<byte> head)
    {
        for (var back = 1; back <= Math.Min(3, head.Length); back++)
        {
            var b = head[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            if (b >= 0xC0) return head[..^back];
            break;
        }
        return head;
    }

    private static bool DecodesStrictly(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            encoding.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
