using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Export;
using Studio.Analysis.Ingest;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.UnitTests.Ingest;

/// <summary>
/// Real-world-shaped files (Ingest/RoundTrip, written by make_corpus.py with pandas/openpyxl, whose figures are in
/// expected.json) survive import → recipe version → dataset CSV export → re-import with every value and type kept.
/// </summary>
public sealed class RoundTripTests : StudioTestBase
{
    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Ingest", "RoundTrip", name);

    private static JsonElement Expected(string file) =>
        JsonDocument.Parse(System.IO.File.ReadAllText(File("expected.json"))).RootElement.GetProperty(file);

    private static double Sum(IReadOnlyList<object?[]> rows, int column) =>
        rows.Sum(r => r[column] is null ? 0 : Convert.ToDouble(r[column], CultureInfo.InvariantCulture));

    [Fact]
    public async Task Money_LateDecimalsNoneNaThousandsBom_EveryValueKeptThroughVersionAndExport()
    {
        var expected = Expected("money.csv");
        var result = await Studio.ImportAsync(Studio.WriteFile("money.csv", await System.IO.File.ReadAllBytesAsync(File("money.csv"))));
        var columns = result.Report.Columns;
        Assert.Equal("order_id", columns[0].Name); // the BOM is not part of the first name
        Assert.Equal(ColumnType.Decimal, columns[1].Type);
        Assert.Equal(ColumnType.Integer, columns[1].RetypedFrom);
        Assert.Contains($"line {expected.GetProperty("amount_first_fraction_line").GetInt32()} has", columns[1].TypeReason, StringComparison.Ordinal);
        Assert.Equal(0, columns[1].MissingCount);
        Assert.Equal(ColumnType.Decimal, columns[4].Type);

        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), rows.Count);
        Assert.Equal(expected.GetProperty("amount_sum").GetDouble(), Sum(rows, 1), 6); // sum of 12,000 two-decimal doubles
        Assert.Equal(expected.GetProperty("revenue_sum").GetDouble(), Sum(rows, 4), 4);
        Assert.Equal(expected.GetProperty("tier_none").GetInt32(), rows.Count(r => (string?)r[2] == "none"));
        Assert.Equal(expected.GetProperty("note_missing").GetInt32(), rows.Count(r => r[3] is null));
        Assert.Equal(expected.GetProperty("note_none").GetInt32(), rows.Count(r => (string?)r[3] == "none"));

        await AssertRoundTripAsync(result.Dataset);
    }

    [Fact]
    public async Task Dates_MixedIsoAndDayFirst_EveryDateKeptThroughVersionAndExport()
    {
        var expected = Expected("dates.csv");
        var result = await Studio.ImportAsync(Studio.WriteFile("dates.csv", await System.IO.File.ReadAllBytesAsync(File("dates.csv"))));
        var dates = result.Report.Columns[1];
        Assert.Equal(ColumnType.DateTime, dates.Type);
        Assert.Equal(expected.GetProperty("day_first").GetInt32(), dates.OtherDateFormatCount);
        Assert.Equal(expected.GetProperty("day_first_lines").EnumerateArray().Select(l => l.GetInt64()),
            dates.Issues.Where(i => i.Kind == CellIssueKind.OtherDateFormat).Select(i => i.Line));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(0, dates.MissingCount);
        var instants = rows.Select(r => (DateTimeOffset)r[1]!).ToList();
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("min").GetString()!, CultureInfo.InvariantCulture), instants.Min());
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("max").GetString()!, CultureInfo.InvariantCulture), instants.Max());

        await AssertRoundTripAsync(result.Dataset);
    }

    [Fact]
    public async Task Workbook_FirstSheetByOpenpyxl_TypedCellsKeptThroughVersionAndExport()
    {
        var expected = Expected("workbook.xlsx");
        var path = Studio.WriteFile("workbook.xlsx", await System.IO.File.ReadAllBytesAsync(File("workbook.xlsx")));
        var preview = await Studio.Importer.SniffAsync(path);
        Assert.Equal("Orders", preview.Sheet);
        Assert.Equal(["Orders", "Notes", "Sparse"], preview.Sheets);

        var result = await Studio.ImportAsync(path);
        var types = result.Report.Columns.Select(c => c.Type).ToList();
        Assert.Equal([ColumnType.Identifier, ColumnType.Decimal, ColumnType.DateTime, ColumnType.Boolean], types.Take(4));
        Assert.Equal("Orders", result.Report.Sheet);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), rows.Count);
        Assert.Equal(expected.GetProperty("amount_sum").GetDouble(), Sum(rows, 1), 6);
        Assert.Equal(expected.GetProperty("amount_missing").GetInt32(), rows.Count(r => r[1] is null));
        Assert.Equal(expected.GetProperty("paid_true").GetInt32(), rows.Count(r => r[3] is true));
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("first_ordered_at").GetString()!, CultureInfo.InvariantCulture), rows[0][2]);
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("last_ordered_at").GetString()!, CultureInfo.InvariantCulture), rows[^1][2]);
        Assert.Equal(expected.GetProperty("code_first").GetString(), rows[0][4]);
        Assert.Equal(expected.GetProperty("tier_none").GetInt32(), rows.Count(r => (string?)r[5] == "none"));

        await AssertRoundTripAsync(result.Dataset);
    }

    [Fact]
    public async Task Workbook_ChosenSheet_QuotesAndCommasKept()
    {
        var path = Studio.WriteFile("notes.xlsx", await System.IO.File.ReadAllBytesAsync(File("workbook.xlsx")));
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(path, choices: new ImportChoices { Sheet = "notes" }), null, CancellationToken.None);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["first, with a comma", "says \"hi\""], rows.Select(r => (string?)r[1]));
        var error = await Assert.ThrowsAsync<DataImportException>(() =>
            Studio.Importer.SniffAsync(path, choices: new ImportChoices { Sheet = "Missing" }));
        Assert.Contains("no sheet 'Missing'; its sheets are 'Orders', 'Notes', 'Sparse'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_TrailingEmptyCellsAndEmptyRow_RowsKeptNotRagged()
    {
        var path = Studio.WriteFile("sparse.xlsx", await System.IO.File.ReadAllBytesAsync(File("workbook.xlsx")));
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(path, choices: new ImportChoices { Sheet = "Sparse" }), null, CancellationToken.None);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => (long)r[0]!));
        Assert.Equal(["x", null, "y"], rows.Select(r => (string?)r[1]));
        Assert.Equal([null, null, "z"], rows.Select(r => (string?)r[2]));
    }

    /// <summary>A recipe version (no duplicates to drop) exported as CSV and imported again has the same types and cells.</summary>
    private async Task AssertRoundTripAsync(Dataset imported)
    {
        var version = await Studio.Get<RecipeService>().ApplyAsync(imported.Id, new Recipe([new DropDuplicatesStep()]));
        Assert.Equal(imported.RowCount, version.RowCount);
        var columns = version.Columns.OrderBy(c => c.Ordinal).ToList();
        var csv = Path.Combine(Studio.DataDir, "uploads", $"export-{version.Id}.csv");
        await using (var output = System.IO.File.Create(csv))
            await CsvExport.WriteAsync(output, [.. columns.Select(c => c.Name)], Studio.Tables.ReadAllAsync(version.TableName, columns), new CsvExportOptions());
        var again = await Studio.ImportAsync(csv);

        Assert.Equal(columns.Select(c => (c.Name, c.Type)), again.Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => (c.Name, c.Type)));
        var before = await Studio.ReadRowsAsync(version);
        var after = await Studio.ReadRowsAsync(again.Dataset);
        Assert.Equal(before.Count, after.Count);
        for (var r = 0; r < before.Count; r++)
            Assert.True(before[r].SequenceEqual(after[r]), $"Row {r + 1} differs: [{string.Join(", ", before[r])}] vs [{string.Join(", ", after[r])}]");
    }
}
