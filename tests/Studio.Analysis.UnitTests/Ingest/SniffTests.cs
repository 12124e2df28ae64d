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
        Assert.Equal(ColumnType.Identifier, inferred.Columns[0].Type); // leading zeros: a code, never a number that would lose them

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
    public async Task Import_TextAfterTheSample_ColumnRetypedToTextEveryValueKept()
    {
        var lines = Enumerable.Range(1, 12_000).Select(i => i == 11_000 ? "x,oops" : $"x,{i}");
        var path = Studio.WriteFile("late.csv", "k,qty\n" + string.Join('\n', lines) + "\n");
        var result = await Studio.ImportAsync(path);
        var qty = result.Report.Columns[1];
        Assert.Equal(ColumnType.Text, qty.Type);
        Assert.Equal(ColumnType.Integer, qty.RetypedFrom);
        Assert.Equal(0, qty.UnparseableCount);
        Assert.StartsWith("re-typed Integer → Text: line 11001 has 'oops'", qty.TypeReason, StringComparison.Ordinal);
        Assert.Equal(0, result.Dataset.Columns.Single(c => c.Name == "qty").MissingCount);
        Assert.Equal(12_000, result.Dataset.Columns.Single(c => c.Name == "qty").DistinctCount);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal("oops", rows[10_999][1]);
        Assert.Equal("10999", rows[10_998][1]);
        Assert.Equal((1L, 2L, 1L), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_DecimalsFirstAfterTheSample_DecimalEveryValueKept()
    {
        // The money column: whole numbers (mostly 0) for the first 10,000 rows, then cents.
        var lines = Enumerable.Range(1, 12_000).Select(i => i <= 10_500 ? $"{i},{i % 7}" : $"{i},{i % 100}.99");
        var path = Studio.WriteFile("money.csv", "order,amount\n" + string.Join('\n', lines) + "\n");
        var result = await Studio.ImportAsync(path);
        var amount = result.Report.Columns[1];
        Assert.Equal(ColumnType.Decimal, amount.Type);
        Assert.Equal(ColumnType.Integer, amount.RetypedFrom);
        Assert.Contains("line 10502 has '1.99'", amount.TypeReason, StringComparison.Ordinal);
        Assert.Equal(0, amount.MissingCount);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(3.0, Convert.ToDouble(rows[2][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.99, (double)rows[10_500][1]!);
        Assert.Equal(99.99, (double)rows[11_998][1]!);
        Assert.Equal(ColumnType.Decimal, result.Dataset.Columns[1].Type);
    }

    [Fact]
    public async Task Import_BadValuesUnderRejectRow_LinesLeftOutAndEveryOneInTheFile()
    {
        var csv = "id,qty,note\n1,5,a\n2,five,b\n3,7\n4,8,c,extra\n5,9,d\n6,x,e\n";
        var path = Studio.WriteFile("bad.csv", csv);
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(path, overrides: [new ColumnOverride("qty", ColumnType.Integer)],
            choices: new ImportChoices { BadValues = BadValuePolicy.RejectRow }), null, CancellationToken.None);
        Assert.Equal(2, result.Dataset.RowCount);
        Assert.Equal(4, result.Report.RejectedRows);
        Assert.Equal(2, result.Report.RaggedLines);
        Assert.Equal([3L, 4L, 5L, 7L], result.Report.Rejections.Select(r => r.Line));
        var file = File.ReadAllLines(result.RejectedRowsFile!);
        Assert.Equal("line,column,reason,value,record", file[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(result.RejectedRowsFile!)[..3]);
        Assert.Equal("3,qty,does not parse as Integer,five,\"2,five,b\"", file[1]);
        Assert.StartsWith("4,,\"Expected 3 fields (as in the header) but found 2.", file[2], StringComparison.Ordinal);
        Assert.Equal("7,qty,does not parse as Integer,x,\"6,x,e\"", file[4]);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal([5L, 9L], rows.Select(r => (long)r[1]!));
        File.Delete(result.RejectedRowsFile!);
    }

    [Fact]
    public async Task Import_RaggedLinesByDefault_FailNamingEveryLine()
    {
        var path = Studio.WriteFile("ragged.csv", "a,b\n1,2\n3\n4,5\n6,7,8\n9,10\n11,12\n13\n");
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.ImportAsync(path));
        Assert.Equal(3, error.Row);
        Assert.Contains("3 line(s) have another number of fields than the header: line 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Other lines: 5, 8.", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_CustomMissingTokens_NoneBecomesMissingOnlyWhenAsked()
    {
        var path = Studio.WriteFile("tiers.csv", "id,tier\n1,none\n2,gold\n3,NA\n4,none\n");
        var byDefault = await Studio.ImportAsync(path);
        Assert.Equal(1, byDefault.Dataset.Columns[1].MissingCount);
        Assert.Equal(["NA", "N/A", "#N/A", "null", "-"], byDefault.Report.MissingTokens);
        Assert.Equal("none", (await Studio.ReadRowsAsync(byDefault.Dataset))[0][1]);

        var copy = Studio.WriteFile("tiers-none-missing.csv", File.ReadAllText(path));
        var asked = await Studio.Importer.ImportWithReportAsync(Studio.Request(copy, choices: new ImportChoices { MissingTokens = ["none"] }),
            null, CancellationToken.None);
        Assert.Equal(2, asked.Dataset.Columns[1].MissingCount);
        Assert.Equal("NA", (await Studio.ReadRowsAsync(asked.Dataset))[2][1]);
        var preview = await Studio.Importer.SniffAsync(path, choices: new ImportChoices { MissingTokens = ["none"] });
        Assert.Equal(["none"], preview.MissingTokens);
    }

    [Fact]
    public async Task Import_CodeWithLeadingZerosAfterTheSample_TextWithZerosKept()
    {
        var lines = Enumerable.Range(1, 11_000).Select(i => i == 10_500 ? "x,01234" : $"x,{i + 10_000}");
        var result = await Studio.ImportAsync(Studio.WriteFile("zips.csv", "k,zip\n" + string.Join('\n', lines) + "\n"));
        Assert.Equal(ColumnType.Text, result.Report.Columns[1].Type);
        Assert.Contains("line 10501 has '01234'", result.Report.Columns[1].TypeReason, StringComparison.Ordinal);
        Assert.Equal("01234", (await Studio.ReadRowsAsync(result.Dataset))[10_499][1]);
    }
}
