using System.Text;
using Studio.Analysis.Export;

namespace Studio.Analysis.UnitTests.Export;

public sealed class CsvSegmentExportTests
{
    [Fact]
    public async Task WriteAsync_Csv_BomChosenColumnsAndTextOnlyEscaping()
    {
        using var output = new MemoryStream();
        var summary = await SegmentListExport.WriteAsync(output, ExportTestData.Header, ExportTestData.RowsAsync(),
            new SegmentExportRequest(["name", "balance", "note", "spend"], ExportFormat.Csv));

        var bytes = output.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("name,balance,note,spend", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",-5,'-5,120.5", lines[1]);
        Assert.Equal("'@SUM(A1),-12.25,'+44 20 7946,0", lines[2]);
        Assert.Equal("\"Ana, \"\"the\"\" analyst\",3,'\tTabbed,", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.Equal(3, summary.RowCount);
        Assert.Equal(".csv", summary.FileExtension);
    }

    [Fact]
    public async Task WriteAsync_UnknownColumn_Throws()
    {
        using var output = new MemoryStream();
        await Assert.ThrowsAsync<ArgumentException>(() => SegmentListExport.WriteAsync(output, ExportTestData.Header,
            ExportTestData.RowsAsync(), new SegmentExportRequest(["nope"], ExportFormat.Csv)));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData("'=1", "''=1")]
    [InlineData("'plain", "'plain")]
    [InlineData("'", "'")]
    public void EscapeFormula_LeadingTrigger_PrefixedWithApostrophe(string text, string expected)
    {
        Assert.Equal(expected, ExportCells.EscapeFormula(text));
        Assert.Equal(text, ExportCells.UnescapeFormula(expected).ToString());
    }

    [Theory]
    [InlineData("'=1", "=1")]
    [InlineData("''-5", "'-5")]
    [InlineData("'plain", "'plain")]
    [InlineData("'", "'")]
    [InlineData("'''", "'''")]
    [InlineData("=1", "=1")]
    public void UnescapeFormula_OnlyTheEscapeShape_LosesOneApostrophe(string text, string expected)
    {
        Assert.Equal(expected, ExportCells.UnescapeFormula(text).ToString());
    }
}
