using Studio.Analysis.Ingest;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Ingest;

public sealed class SniffTests : StudioTestBase
{
    [Fact]
    public async Task Sniff_SemicolonFile_ReportsFormatFirstRowsAndTypesWithoutStoring()
    {
        var lines = Enumerable.Range(1, 120).Select(i => $"{i};2024-01-{1 + i % 28:D2};{i % 2 == 0};{i},5");
        var path = Studio.WriteFile("orders.csv", "order_id;ordered_on;gift;price\n" + string.Join('\n', lines) + "\n");

        var preview = await Studio.Importer.SniffAsync(path, "orders upload.csv");

        Assert.Equal("orders upload.csv", preview.FileName);
        Assert.Equal(';', preview.Delimiter);
        Assert.Equal("semicolon", preview.DelimiterName);
        Assert.Equal("UTF-8", preview.Encoding);
        Assert.Equal(["order_id", "ordered_on", "gift", "price"], preview.Header);
        Assert.Equal(50, preview.Rows.Count);
        Assert.Equal(["1", "2024-01-02", "False", "1,5"], preview.Rows[0]);
        Assert.Equal(120, preview.SampledRows);
        Assert.Equal([ColumnType.Identifier, ColumnType.DateTime, ColumnType.Boolean, ColumnType.Decimal], preview.Columns.Select(c => c.Type));
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_WithOverride_UsesTheAnalystsType()
    {
        var path = Studio.WriteFile("zip.csv", "zip,city\n01234,Boston\n02134,Boston\n10001,New York\n");
        var inferred = await Studio.Importer.SniffAsync(path);
        Assert.Equal(ColumnType.Integer, inferred.Columns[0].Type);

        var result = await Studio.Importer.ImportWithReportAsync(
            Studio.Request(path, DatasetRole.Customers, [new ColumnOverride("zip", ColumnType.Categorical)]), null, CancellationToken.None);

        Assert.Equal(ColumnType.Categorical, result.Dataset.Columns.Single(c => c.Name == "zip").Type);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["01234", "02134", "10001"], rows.Select(r => (string)r[0]!));
        Assert.Equal(DatasetRole.Customers, result.Dataset.Role);
    }

    [Fact]
    public async Task Import_OverrideForUnknownColumn_Refused()
    {
        var path = Studio.WriteFile("x.csv", "a,b\n1,2\n");
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.Importer.ImportWithReportAsync(
            Studio.Request(path, overrides: [new ColumnOverride("nope", ColumnType.Text)]), null, CancellationToken.None));
        Assert.Equal("nope", error.Column);
    }

    [Fact]
    public async Task Import_ValuesFailingTheInferredTypeLater_StoredMissingWithLines()
    {
        var lines = Enumerable.Range(1, 12_000).Select(i => i == 11_000 ? "x,oops" : $"x,{i}");
        var path = Studio.WriteFile("late.csv", "k,qty\n" + string.Join('\n', lines) + "\n");
        var result = await Studio.ImportAsync(path);
        var qty = result.Report.Columns[1];
        Assert.Equal(ColumnType.Integer, qty.Type);
        Assert.Equal(1, qty.UnparseableCount);
        Assert.Equal(new CellIssue(11_001, "qty", "oops", CellIssueKind.Unparseable), qty.Issues.Single());
        Assert.Equal(1, result.Dataset.Columns.Single(c => c.Name == "qty").MissingCount);
        Assert.Equal(11_999, result.Dataset.Columns.Single(c => c.Name == "qty").DistinctCount);
    }
}
