using Bunit;
using Studio.Analysis.Ingest;
using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Web.Components.Pages.Data;

namespace Studio.Web.ComponentTests.Data;

public sealed class ImportOptionsTests : DataTestContext
{
    private const string Csv = "id,tier,qty\n1,none,5\n2,gold,NA\n3,none,7\n4,none,1\n5,gold,2\n6,silver,3\n7,none,4\n8,gold,5\n";

    [Fact]
    public async Task ImportConfirm_MissingTokensAndBadValues_ShownAndReported()
    {
        var preview = await SniffAsync("tiers.csv", Csv);
        IReadOnlyList<string>? tokens = null;
        BadValuePolicy? policy = null;
        var cut = Render<ImportConfirm>(p => p.Add(c => c.Preview, preview)
            .Add(c => c.MissingTokensChanged, t => tokens = t)
            .Add(c => c.BadValuesChanged, b => policy = b));

        Assert.Equal("NA, N/A, #N/A, null, -", cut.Find("[data-testid=missing-tokens]").GetAttribute("value"));
        Assert.Contains("NA · N/A · #N/A · null · -", cut.Find("[data-testid=missing-tokens-used]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Categorical", cut.Find("[data-testid=type-1]").GetAttribute("value"));

        cut.Find("[data-testid=missing-tokens]").Change("NA, none ,NA");
        cut.Find("[data-testid=apply-missing-tokens]").Click();
        Assert.Equal(["NA", "none"], tokens);

        cut.Find("[data-testid=bad-values]").Change(nameof(BadValuePolicy.RejectRow));
        Assert.Equal(BadValuePolicy.RejectRow, policy);
        Assert.Empty(cut.FindAll("[data-testid=sheet-select]"));
    }

    [Fact]
    public void ImportReportView_RetypedColumnAndRejectedLines_ShowsWhyAndDownload()
    {
        var inferred = new InferredColumn("amount", ColumnType.Integer, NumberFormat.Plain, DateFamily.None, "100% parse as whole numbers", []);
        var report = new ImportReport("money.csv", "UTF-8", ',', false, 12_000,
            [new ColumnImportReport(0, "amount", ColumnType.Decimal, inferred, 3, 0, 0, 0, [])
            {
                TypeReason = "re-typed Integer → Decimal: line 10402 has '1.99', which is not a whole number; inferred …",
                RetypedFrom = ColumnType.Integer,
            }], [])
        {
            RejectedRows = 2,
            Rejections = [new RejectedRow(4, null, "Expected 3 fields (as in the header) but found 2.", ""), new RejectedRow(9, "qty", "does not parse as Integer", "five")],
        };
        var cut = Render<ImportReportView>(p => p.Add(c => c.Report, report).Add(c => c.DatasetId, 7));

        var row = cut.Find("[data-testid=import-column-0]").TextContent;
        Assert.Contains("Decimal (was Integer)", row, StringComparison.Ordinal);
        Assert.Contains("line 10402 has '1.99'", row, StringComparison.Ordinal);
        var rejected = cut.Find("[data-testid=rejected-rows]").TextContent;
        Assert.Contains("2 line(s) were left out", rejected, StringComparison.Ordinal);
        Assert.Contains("line 9, 'qty' = 'five' does not parse as Integer", rejected, StringComparison.Ordinal);
        Assert.Equal("api/datasets/7/rejected-rows", cut.Find("[data-testid=rejected-rows-download]").GetAttribute("href"));
    }
}
