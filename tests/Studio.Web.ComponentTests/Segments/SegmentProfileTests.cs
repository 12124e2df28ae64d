using System.Globalization;
using Bunit;
using Studio.Analysis.Segments;
using Studio.Data.Segments;
using Studio.Web.Components.Pages.Segments;

namespace Studio.Web.ComponentTests.Segments;

public sealed class SegmentProfileTests : SegmentsTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public SegmentProfileTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task Profile_NorthSegment_SizeShareSpendAndMeans()
    {
        var (workspaceId, dataset) = await SeedAsync();
        var id = await Store.CreateFromMembersAsync(workspaceId, "North", SegmentSource.Import, "{}", dataset.Id, ["C1", "C3", "C6"], CancellationToken.None);

        var cut = Render<SegmentProfilePage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=profile-size]").TextContent.Trim()), Wait);
        Assert.Equal("37.5%", cut.Find("[data-testid=profile-share]").TextContent.Trim());
        Assert.Equal("526", cut.Find("[data-testid=profile-spend-sum]").TextContent.Trim()); // 120.5 + 310 + 95 = 525.5
        Assert.Equal("175.17", cut.Find("[data-testid=profile-spend-mean]").TextContent.Trim());
        var means = cut.Find("[data-testid=attribute-means]").TextContent;
        Assert.Contains("34.67", means, StringComparison.Ordinal); // (22 + 35 + 47) / 3
        Assert.Contains((333.0 / 8).ToString("N2", CultureInfo.CurrentCulture), means, StringComparison.Ordinal); // base mean 41.625
        var north = cut.Find("[data-testid=top-categories]").TextContent;
        Assert.Contains("100%", north, StringComparison.Ordinal);
        Assert.Contains("2.67×", north, StringComparison.Ordinal); // 100% vs 37.5% of the base
        Assert.NotNull(cut.Find("[data-testid=no-propensity]"));
    }

    [Fact]
    public async Task Profile_UnknownSegment_SaysSo()
    {
        await SeedAsync();
        var cut = Render<SegmentProfilePage>(p => p.Add(x => x.Id, 999));
        cut.WaitForAssertion(() => Assert.Contains("Segment #999 does not exist", cut.Find("[data-testid=segment-missing]").TextContent, StringComparison.Ordinal), Wait);
    }

    [Fact]
    public async Task ExportPanel_TwoExportsLogged_NewestFirstWithRowsAndColumns()
    {
        var (workspaceId, dataset) = await SeedAsync();
        var id = await Store.CreateFromMembersAsync(workspaceId, "South", SegmentSource.Import, "{}", dataset.Id, ["C2", "C7"], CancellationToken.None);
        await Store.LogExportAsync(id, SegmentExportFormat.Csv, 2, ["customer_id"]);
        await Store.LogExportAsync(id, SegmentExportFormat.Xlsx, 2, ["customer_id", "monetary"]);

        var cut = Render<ExportPanel>(p => p.Add(x => x.SegmentId, id).Add(x => x.Columns, SegmentsTestContext.Header));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=export-log] tbody tr").Count), Wait);
        var rows = cut.FindAll("[data-testid=export-log] tbody tr");
        Assert.Contains("XLSX", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("customer_id, monetary", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("CSV", rows[1].TextContent, StringComparison.Ordinal);
        var link = cut.Find("[data-testid=export-download]").GetAttribute("href");
        Assert.Equal($"api/segments/{id}/export?format=csv&columns=customer_id&columns=age&columns=region&columns=monetary", link);
    }

    [Fact]
    public void HistogramChart_Counts_BecomeSharesOfEachGroup()
    {
        var histogram = new ScoreHistogram([0, 0.5, 1], [1, 3], [6, 4], 0.6, 0.4, 4);
        var chart = SegmentProfilePage.HistogramChart(histogram);
        Assert.Equal([0.6, 0.4], chart.Series[0].Y.Cast<double>());
        Assert.Equal([0.25, 0.75], chart.Series[1].Y.Cast<double>());
        Assert.Equal([0.25, 0.75], chart.Series[1].X.Cast<double>());
        Assert.Equal("Propensity: segment mean 60.0% vs base 40.0%", chart.Title);
    }
}
