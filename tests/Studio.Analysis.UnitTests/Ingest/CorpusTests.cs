using Studio.Analysis.Ingest;
using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Ingest;

/// <summary>One test per file under Ingest/Corpus: the message names file, line and column, and nothing is stored.</summary>
public sealed class CorpusTests : StudioTestBase
{
    private static string Corpus(string name) => Path.Combine(AppContext.BaseDirectory, "Ingest", "Corpus", name);

    private async Task<DataImportException> ImportFailsAsync(string file)
    {
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.ImportAsync(Corpus(file)));
        Assert.Equal(file, error.FileName);
        Assert.StartsWith(file, error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
        return error;
    }

    [Fact]
    public async Task Import_EmptyFile_RefusedAsEmpty()
    {
        var error = await ImportFailsAsync("empty.csv");
        Assert.Equal("empty.csv: The file is empty.", error.Message);
    }

    [Fact]
    public async Task Import_WhitespaceOnly_RefusedAsEmpty()
    {
        var error = await ImportFailsAsync("whitespace_only.csv");
        Assert.Contains("no text lines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HeaderOnly_RefusedAtLine2()
    {
        var error = await ImportFailsAsync("header_only.csv");
        Assert.Equal(2, error.Row);
        Assert.Equal("header_only.csv, line 2: The file has a header (3 columns) but no data rows.", error.Message);
    }

    [Fact]
    public async Task Import_RaggedRow_NamesLineAndFieldCounts()
    {
        var error = await ImportFailsAsync("ragged_rows.csv");
        Assert.Equal(4, error.Row);
        Assert.Contains("Expected 3 fields (as in the header) but found 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MixedDelimiters_NamesFirstDisagreeingLine()
    {
        var error = await ImportFailsAsync("mixed_delimiters.csv");
        Assert.Equal(2, error.Row);
        Assert.Contains("Mixed delimiters: the header is split by semicolon into 3 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("it uses comma instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnterminatedQuote_NamesLineWhereQuoteOpened()
    {
        var error = await ImportFailsAsync("unterminated_quote.csv");
        Assert.Equal(3, error.Row);
        Assert.Equal("name", error.Column);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BinaryFile_RefusedAsBinary()
    {
        var error = await ImportFailsAsync("binary.bin");
        Assert.Contains("binary file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DuplicateColumnNames_NamesBothColumns()
    {
        var error = await ImportFailsAsync("duplicate_columns.csv");
        Assert.Equal(1, error.Row);
        Assert.Equal("Name", error.Column);
        Assert.Contains("columns 2 and 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EmptyColumnName_NamesColumnPosition()
    {
        var error = await ImportFailsAsync("empty_column_name.csv");
        Assert.Equal(1, error.Row);
        Assert.Equal("#2", error.Column);
        Assert.Contains("Column 2 has an empty name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_HtmlInColumnNames_StoredVerbatimAndFlagged()
    {
        var result = await Studio.ImportAsync(Corpus("html_header.csv"));
        var names = result.Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToArray();
        Assert.Equal(["customer_id", "<script>alert(1)</script>", "<b onclick=x()>amount</b>"], names);
        Assert.Equal(2, result.Report.Warnings.Count(w => w.Contains("markup or script", StringComparison.Ordinal)));
        var stored = await Studio.Repository.FindAsync(result.Dataset.Id);
        Assert.Equal("<script>alert(1)</script>", stored!.Columns.Single(c => c.Ordinal == 1).Name);
        Assert.Equal(["c0", "c1", "c2"], stored.Columns.OrderBy(c => c.Ordinal).Select(c => c.StorageName));
    }

    [Fact]
    public async Task Import_ThousandsSeparators_ParsedAsDecimalsAndSaid()
    {
        var result = await Studio.ImportAsync(Corpus("thousands_separators.csv"));
        var amount = result.Report.Columns[1];
        Assert.Equal(ColumnType.Decimal, amount.Type);
        Assert.Equal(NumberFormat.CommaThousands, amount.Inferred.NumberFormat);
        Assert.Contains(result.Report.Warnings, w => w.Contains("comma thousands separator", StringComparison.Ordinal));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal([1234.5, 12000.0, 7.25, 1000000.5], rows.Select(r => (double)r[1]!));
    }

    [Fact]
    public async Task Import_CommaDecimalMark_ParsedWithSemicolonDelimiter()
    {
        var result = await Studio.ImportAsync(Corpus("comma_decimal.csv"));
        Assert.Equal(';', result.Report.Delimiter);
        var price = result.Report.Columns[1];
        Assert.Equal(ColumnType.Decimal, price.Type);
        Assert.Equal(NumberFormat.CommaDecimal, price.Inferred.NumberFormat);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal([3.14, 1234.5, 10.0, -0.5], rows.Select(r => (double)r[1]!));
    }

    [Fact]
    public async Task Import_MixedDateFormatsWithOneNonDate_TextKeepingEveryValue()
    {
        var result = await Studio.ImportAsync(Corpus("mixed_dates.csv"));
        var dates = result.Report.Columns[1];
        Assert.NotEqual(ColumnType.DateTime, dates.Type);
        Assert.Equal(0, dates.MissingCount);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal("not a date", rows[8][1]);
        Assert.Equal("15/03/2024", rows[4][1]);
    }

    [Fact]
    public async Task Import_MixedDateFormatsChosenDateTimeStoreAsMissing_ReportsRowsInOtherFormatAndUnparseable()
    {
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(Corpus("mixed_dates.csv"),
            overrides: [new ColumnOverride("occurred_at", ColumnType.DateTime)],
            choices: new ImportChoices { BadValues = BadValuePolicy.StoreAsMissing }), null, CancellationToken.None);
        var dates = result.Report.Columns[1];
        Assert.Equal(ColumnType.DateTime, dates.Type);
        Assert.Equal(DateFamily.Iso, ColumnTypeInference.DetectDateFamily(File.ReadLines(Corpus("mixed_dates.csv")).Skip(1).Select(l => l.Split(',')[1])));
        Assert.Equal([6L, 16L], dates.Issues.Where(i => i.Kind == CellIssueKind.OtherDateFormat).Select(i => i.Line));
        Assert.Equal([10L], dates.Issues.Where(i => i.Kind == CellIssueKind.Unparseable).Select(i => i.Line));
        Assert.Contains(result.Report.Warnings, w => w.Contains("dates in mixed formats", StringComparison.Ordinal) && w.Contains("lines 6, 16", StringComparison.Ordinal));
        Assert.Contains(result.Report.Warnings, w => w.Contains("stored as missing, as chosen", StringComparison.Ordinal) && w.Contains("lines 10", StringComparison.Ordinal));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 0, 0, 0, TimeSpan.Zero), rows[4][1]);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 6, 30, 0, TimeSpan.Zero), rows[11][1]);
        Assert.Null(rows[8][1]);
    }

    [Fact]
    public async Task Import_MixedDateFormatsChosenDateTimeByDefault_FailsNamingLineAndValue()
    {
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.Importer.ImportWithReportAsync(
            Studio.Request(Corpus("mixed_dates.csv"), overrides: [new ColumnOverride("occurred_at", ColumnType.DateTime)]), null, CancellationToken.None));
        Assert.Equal(10, error.Row);
        Assert.Equal("occurred_at", error.Column);
        Assert.Contains("1 value(s) do not parse as DateTime (line 10 ('not a date'))", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Report!.Columns[1].UnparseableCount);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_NanAndInfinity_StoredAsMissingAndCounted()
    {
        var result = await Studio.ImportAsync(Corpus("nan_infinity.csv"));
        var reading = result.Report.Columns[1];
        Assert.Equal(ColumnType.Decimal, reading.Type);
        Assert.Equal(3, reading.NonFiniteCount);
        Assert.Equal([3L, 4L, 5L], reading.Issues.Select(i => i.Line));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(new double?[] { 1.5, null, null, null, 2.5, 3.0 }, rows.Select(r => (double?)r[1]));
    }

    [Fact]
    public async Task Import_Gb18030_DecodesChineseText()
    {
        var result = await Studio.ImportAsync(Corpus("gb18030.csv"));
        Assert.Equal("GB18030", result.Report.Encoding);
        Assert.Equal(["客户编号", "城市", "金额"], result.Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["北京", "上海", "广州"], rows.Select(r => (string)r[1]!));
        Assert.Equal([12.5, 7.0, 3.25], rows.Select(r => (double)r[2]!));
    }

    [Fact]
    public async Task Import_QuotedDelimitersNewlinesAndQuotes_Unescaped()
    {
        var result = await Studio.ImportAsync(Corpus("quoted_newlines.csv"));
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(["Hello, world", "Line one\nline two", "She said \"hi\"", "plain"], rows.Select(r => (string)r[1]!));
        Assert.Equal([5L, 4L, 3L, 2L], rows.Select(r => (long)r[2]!));
    }

    [Theory]
    [InlineData("tabs.tsv", '\t', 3)]
    [InlineData("pipes.txt", '|', 2)]
    public async Task Import_OtherDelimiters_Detected(string file, char delimiter, long rows)
    {
        var result = await Studio.ImportAsync(Corpus(file));
        Assert.Equal(delimiter, result.Report.Delimiter);
        Assert.Equal(rows, result.Dataset.RowCount);
        Assert.Equal(["id", "city", "amount"], result.Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name));
    }
}
