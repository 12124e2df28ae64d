using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Studio.Analysis.Export;

namespace Studio.Analysis.UnitTests.Export;

public sealed class XlsxSegmentExportTests
{
    [Fact]
    public async Task WriteAsync_Xlsx_ReopensWithNumericNumbersAndQuotePrefixedText()
    {
        using var output = new MemoryStream();
        var summary = await SegmentListExport.WriteAsync(output, ExportTestData.Header, ExportTestData.RowsAsync(),
            new SegmentExportRequest(["customer_id", "name", "balance", "vip", "note", "spend"], ExportFormat.Xlsx, "VIPs"));

        var cells = ReadCells(output, out var sheetName);
        Assert.Equal("VIPs", sheetName);
        Assert.Equal(3, summary.RowCount);
        Assert.Equal((CellValues.InlineString, "customer_id", false), cells["A1"]);
        Assert.Equal((CellValues.InlineString, "=HYPERLINK(\"http://x\")", true), cells["B2"]);
        Assert.Equal((CellValues.Number, "-5", false), cells["C2"]);
        Assert.Equal((CellValues.Boolean, "1", false), cells["D2"]);
        Assert.Equal((CellValues.InlineString, "-5", true), cells["E2"]);
        Assert.Equal((CellValues.Number, "120.5", false), cells["F2"]);
        Assert.Equal((CellValues.InlineString, "@SUM(A1)", true), cells["B3"]);
        Assert.Equal((CellValues.Number, "-12.25", false), cells["C3"]);
        Assert.Equal((CellValues.InlineString, "\tTabbed", true), cells["E4"]);
        Assert.False(cells.ContainsKey("F4")); // NaN spend is an empty cell
        Assert.Equal(4 * 6 - 1, cells.Count);
    }

    [Fact]
    public async Task WriteAsync_NonSeekableOutput_BuffersAndProducesSameWorkbook()
    {
        using var inner = new MemoryStream();
        await XlsxExport.WriteAsync(new ExportTestData.NonSeekableStream(inner), ExportTestData.Header, ExportTestData.RowsAsync(),
            new XlsxExportOptions());
        using var copy = new MemoryStream(inner.ToArray());
        var cells = ReadCells(copy, out _);
        Assert.Equal((CellValues.Number, "-5", false), cells["D2"]);
        Assert.Equal((CellValues.InlineString, "=HYPERLINK(\"http://x\")", true), cells["B2"]);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Index_SpreadsheetLetters(int index, string expected)
    {
        Assert.Equal(expected, XlsxExport.ColumnName(index));
    }

    /// <summary>Cells by reference: type, value and whether the cell has Excel's quote prefix (text that is never a formula).</summary>
    private static Dictionary<string, (CellValues Type, string Value, bool QuotePrefix)> ReadCells(Stream stream, out string sheetName)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheetName = sheet.Name!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        return part.Worksheet.Descendants<Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => (c.DataType!.Value, c.DataType.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text,
                formats[(int)(c.StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true));
    }
}
