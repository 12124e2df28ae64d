using Bunit;
using Microsoft.EntityFrameworkCore;
using Studio.Web.Components.Pages.Projections;

namespace Studio.Web.ComponentTests.Projections;

public sealed class SelectionPanelTests : StudioTestContext
{

    private static string WriteCsv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"selection-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Create_SelectionOfCustomers_SegmentOfTheCustomersDatasetWithThoseMembers()
    {
        var workspaceId = await CreateWorkspaceAsync("Selections");
        var customers = await ImportCsvAsync(workspaceId, WriteCsv("customer_id,age\nC1,30\nC2,41\nC3,52\nC4,60\n"), "customers");

        var cut = Render<SelectionPanel>(p => p.Add(s => s.Selected, ["C2", "C4", "C2"]).Add(s => s.WorkspaceId, workspaceId)
            .Add(s => s.MemberDataset, customers).Add(s => s.ProjectionId, 7).Add(s => s.EntityLabel, "customer_id"));

        Assert.Equal("Members are rows of customers v1, keyed by customer_id.", cut.Find("[data-testid=segment-dataset]").TextContent.Trim());
        Assert.Contains("Create segment from 3 selected", cut.Find("[data-testid=create-segment]").TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.Find("[data-testid=create-segment]").Click());

        cut.WaitForAssertion(() => Assert.Contains("created with 2 members", cut.Find("[data-testid=segment-result]").TextContent, StringComparison.Ordinal));
        await using var context = CreateDbContext();
        var segment = await context.Segments.SingleAsync();
        Assert.Equal(customers.Id, segment.DatasetId);
        Assert.Equal(2, segment.MemberCount);
        Assert.Equal($"segments/{segment.Id}", cut.Find("[data-testid=segment-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_NoDatasetKeyedByTheEntity_ExplainsAndOffersNoButton()
    {
        var workspaceId = await CreateWorkspaceAsync("Selections");

        var cut = Render<SelectionPanel>(p => p.Add(s => s.Selected, ["P1", "P2"]).Add(s => s.WorkspaceId, workspaceId)
            .Add(s => s.MemberDataset, null).Add(s => s.ProjectionId, 3).Add(s => s.EntityLabel, "product_id"));

        Assert.Equal("2 selected", cut.Find("[data-testid=selection-count]").TextContent.Trim());
        Assert.Contains("no dataset in this workspace has product_id as a unique key", cut.Find("[data-testid=selection-no-segment]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=create-segment]"));
    }
}
