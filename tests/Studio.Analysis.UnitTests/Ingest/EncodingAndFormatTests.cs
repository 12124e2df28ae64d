using System.IO.Compression;
using System.Text;
using Studio.Analysis.Ingest;

namespace Studio.Analysis.UnitTests.Ingest;

public sealed class EncodingAndFormatTests : StudioTestBase
{
    private const string Table = "id,city,amount\n1,Zürich,1.5\n2,東京,2.5\n";
    public static TheoryData<string, string> Encodings => new()
    {
        { "utf8", "UTF-8" },
        { "utf8bom", "UTF-8" },
        { "utf16le-bom", "UTF-16 LE" },
        { "utf16be-bom", "UTF-16 BE" },
        { "utf16le", "UTF-16 LE" },
        { "utf16be", "UTF-16 BE" },
    };

    private static byte[] Encode(string kind, string text) => kind switch
    {
        "utf8" => Encoding.UTF8.GetBytes(text),
        "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf16le" => Encoding.Unicode.GetBytes(text),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Import_Encoding_DetectedAndDecoded(string kind, string expected)
    {
        var path = Studio.WriteFile($"{kind}.csv", Encode(kind, Table));
        var result = await Studio.ImportAsync(path);
        Assert.Equal(expected, result.Report.Encoding);
        Assert.Equal("id", result.Dataset.Columns.Single(c => c.Ordinal == 0).Name);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["Zürich", "東京"], rows.Select(r => (string)r[1]!));
    }

    [Fact]
    public async Task Import_Gzip_DetectedByMagicBytesNotExtension()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(Table));
        var path = Studio.WriteFile("compressed.csv", buffer.ToArray());
        var result = await Studio.ImportAsync(path);
        Assert.True(result.Report.IsGzip);
        Assert.Equal(2, result.Dataset.RowCount);
    }

    [Fact]
    public async Task Import_CrlfAndQuotedDelimitersInHeader_ParsedWithoutCarriageReturns()
    {
        var path = Studio.WriteFile("crlf.csv", "id;\"name; full\";note\r\n1;\"Ann; B\";\"two\r\nlines\"\r\n2;Bob;x\r\n");
        var result = await Studio.ImportAsync(path);
        Assert.Equal(';', result.Report.Delimiter);
        Assert.Equal(["id", "name; full", "note"], result.Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["Ann; B", "Bob"], rows.Select(r => (string)r[1]!));
        Assert.Equal(["two\r\nlines", "x"], rows.Select(r => (string)r[2]!));
    }

    [Fact]
    public async Task Import_InvalidUtf8AfterTheSniffedHead_NamesLineAndStoresNothing()
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 1; i <= 10_000; i++) text.Append(i).Append(",name").Append(i).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { (byte)'9', (byte)',', 0xC3, 0x28, (byte)'\n' }).ToArray();
        var path = Studio.WriteFile("late-invalid.csv", bytes);
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.ImportAsync(path));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Row);
        Assert.InRange(error.Row!.Value, 9_000, 10_002);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }
}
