using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Export;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.UnitTests.Export;

/// <summary>
/// Every export imports back through the real importer with the same values and types. The source file holds what
/// breaks naive writers: text that a spreadsheet reads as a formula (escaped on the way out, restored on the way in),
/// text that already starts with an apostrophe, delimiters and quotes inside values, negative numbers, missing cells
/// and timestamps with fractions of a second.
/// </summary>
public sealed class ExportRoundTripTests : StudioTestBase
{
    private const string Source =
        "customer_id,name,spend,visits,vip,signed_up,note\n" +
        "C-001,\"=HYPERLINK(\"\"http://x\"\")\",120.5,-3,true,2023-04-03T00:00:00Z,plain\n" +
        "C-002,@SUM(A1),-12.25,0,false,2023-04-03T10:11:12.345Z,\"-5 apples, two pears\"\n" +
        "C-003,\"Ana, \"\"the\"\" analyst\",,7,false,,''=already quoted\n" +
        "C-004,+44 20 7946,3,12,true,1999-12-31T23:59:59Z,\n" +
        "C-005,Bo,0.1,1,false,2024-02-29T06:00:00Z,'plain apostrophe\n";

    [Fact]
    public async Task DatasetCsv_ImportsBack_SameTypesAndValues()
    {
        var original = await ImportSourceAsync();
        using var output = new MemoryStream();
        await DatasetCsv.WriteAsync(output, original, Studio.Tables);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal); // escaped on the way out
        Assert.Contains("''=already quoted", text, StringComparison.Ordinal); // the file's own apostrophe is kept by a second one
        Assert.Contains("2023-04-03T10:11:12.345Z", text, StringComparison.Ordinal);
        var back = await RoundTrip.ImportAsync(Studio, "dataset-download.csv", output.ToArray());
        await RoundTrip.AssertSameAsync(Studio, original, back);
        var rows = await Studio.ReadRowsAsync(back);
        Assert.Equal("=HYPERLINK(\"http://x\")", rows[0][1]);
        Assert.Equal("'=already quoted", rows[2][6]);
        Assert.Equal("'plain apostrophe", rows[4][6]);
    }

    [Fact]
    public async Task SegmentCsv_ImportsBack_SameTypesAndValues()
    {
        var original = await ImportSourceAsync();
        var bytes = await SegmentExportAsync(original, ExportFormat.Csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var back = await RoundTrip.ImportAsync(Studio, "segment.csv", bytes);
        await RoundTrip.AssertSameAsync(Studio, original, back);
    }

    [Fact]
    public async Task SegmentXlsx_CellsCarryTheValuesWithTheirTypes()
    {
        var original = await ImportSourceAsync();
        var rows = await Studio.ReadRowsAsync(original);
        var cells = ReadXlsx(await SegmentExportAsync(original, ExportFormat.Xlsx));

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = XlsxExport.ColumnName(c) + (r + 2);
                var value = rows[r][c];
                if (value is null)
                {
                    Assert.False(cells.ContainsKey(reference), reference);
                    continue;
                }
                var cell = cells[reference];
                switch (value)
                {
                    case DateTimeOffset time:
                        Assert.Equal(CellValues.Number, cell.Type);
                        Assert.Equal(time.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss", cell.Format);
                        // A date serial is a double of days: 1 ms is 1.16e-8 days, far above its ~1e-11 resolution.
                        var read = DateTime.FromOADate(double.Parse(cell.Text, System.Globalization.CultureInfo.InvariantCulture));
                        Assert.Equal(time.UtcDateTime, read, TimeSpan.FromMilliseconds(1));
                        break;
                    case double or long:
                        Assert.Equal(CellValues.Number, cell.Type);
                        Assert.Equal(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
                            double.Parse(cell.Text, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case bool flag:
                        Assert.Equal((CellValues.Boolean, flag ? "1" : "0"), (cell.Type, cell.Text));
                        break;
                    default:
                        Assert.Equal((CellValues.InlineString, (string)value), (cell.Type, cell.Text));
                        Assert.Equal(ExportCells.LooksLikeFormula((string)value), cell.QuotePrefix);
                        break;
                }
            }
        }
        Assert.True(cells["B2"].QuotePrefix); // "=HYPERLINK(...)" is text with Excel's apostrophe, not a formula
        Assert.DoesNotContain(cells.Values, c => c.HasFormula);
    }

    [Fact]
    public async Task AssignmentList_DownloadImportsBack_SameTypesAndValues()
    {
        // Enough units that the variant column is inferred Categorical, as the designer types it (3 values in 5 rows read as free text).
        var ids = string.Concat(Enumerable.Range(1, 40).Select(i => $"C-{i:000}\n"));
        var customers = (await Studio.ImportAsync(Studio.WriteFile("units.csv", "customer_id\n" + ids))).Dataset;
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));
        var designer = new ExperimentDesigner(Studio.Repository, Studio.Tables, clock);
        var list = await designer.AssignAsync(new ExperimentDesign(customers.Id, "customer_id",
            [new DesignArm("control", 1), new DesignArm("-10% offer", 1)], 0.2, 7, "spring test"));

        using var output = new MemoryStream();
        await DatasetCsv.WriteAsync(output, list, Studio.Tables);
        Assert.Contains("'-10% offer", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        var back = await RoundTrip.ImportAsync(Studio, "assignments.csv", output.ToArray());

        await RoundTrip.AssertSameAsync(Studio, list, back);
        var variants = (await Studio.ReadRowsAsync(back)).Select(r => (string)r[1]!).ToHashSet();
        Assert.Contains("-10% offer", variants);
    }

    private async Task<Dataset> ImportSourceAsync()
    {
        var dataset = (await Studio.ImportAsync(Studio.WriteFile("customers.csv", Source))).Dataset;
        Assert.Equal(
            [("customer_id", ColumnType.Identifier), ("name", ColumnType.Text), ("spend", ColumnType.Decimal), ("visits", ColumnType.Integer),
             ("vip", ColumnType.Boolean), ("signed_up", ColumnType.DateTime), ("note", ColumnType.Text)],
            RoundTrip.Describe(dataset));
        return dataset;
    }

    private async Task<byte[]> SegmentExportAsync(Dataset dataset, ExportFormat format)
    {
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        using var output = new MemoryStream();
        await SegmentListExport.WriteAsync(output, [.. columns.Select(c => c.Name)],
            Studio.Tables.ReadAllAsync(dataset.TableName, columns), new SegmentExportRequest([.. columns.Select(c => c.Name)], format));
        return output.ToArray();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed record XlsxCell(CellValues Type, string Text, string? Format, bool QuotePrefix, bool HasFormula);

    private static Dictionary<string, XlsxCell> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormats = styles.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c =>
        {
            var format = formats[(int)(c.StyleIndex?.Value ?? 0)];
            var numberFormat = format.NumberFormatId?.Value is { } id && numberFormats.TryGetValue(id, out var code) ? code : null;
            var type = c.DataType?.Value ?? CellValues.Number;
            var text = type == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text;
            return new XlsxCell(type, text, numberFormat, format.QuotePrefix?.Value == true, c.CellFormula is not null);
        });
    }
}
