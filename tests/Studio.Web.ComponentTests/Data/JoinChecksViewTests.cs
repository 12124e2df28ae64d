using Bunit;
using Studio.Core.Datasets;
using Studio.Web.Components.Pages.Data;

namespace Studio.Web.ComponentTests.Data;

public sealed class JoinChecksViewTests : DataTestContext
{
    [Fact]
    public async Task JoinChecksView_OnAnUnrelatedDataset_ShowsNoChecks_OnTheEventsShowsThem()
    {
        var customers = await ImportAsync("customers.csv", "customer_id,age\nC1,30\nC2,40\n", DatasetRole.Customers);
        var events = await ImportAsync("events.csv", "customer_id,event\nC1,view\nC9,click\n", DatasetRole.Events);
        var other = await ImportAsync("weather.csv", "day,temp\n2024-01-01,3\n2024-01-02,4\n");

        var onOther = Render<JoinChecksView>(p => p.Add(c => c.WorkspaceId, other.WorkspaceId).Add(c => c.Revision, other.Id).Add(c => c.DatasetName, other.Name));
        var onEvents = Render<JoinChecksView>(p => p.Add(c => c.WorkspaceId, events.WorkspaceId).Add(c => c.Revision, events.Id).Add(c => c.DatasetName, events.Name));
        var onCustomers = Render<JoinChecksView>(p => p.Add(c => c.WorkspaceId, customers.WorkspaceId).Add(c => c.Revision, customers.Id).Add(c => c.DatasetName, customers.Name));

        onEvents.WaitForElement("[data-testid=join-check]");
        onCustomers.WaitForElement("[data-testid=join-check]");
        Assert.Empty(onOther.FindAll("[data-testid=join-check]"));
        Assert.Contains("1 of 2 rows", onEvents.Find("[data-testid=join-check]").TextContent, StringComparison.Ordinal);
    }
}
