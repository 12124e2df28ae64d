using Studio.Core.Datasets;
using Studio.Ml.Projections.Attributes;
using Studio.Ml.UnitTests.Service;

namespace Studio.Ml.UnitTests.Projections.Attributes;

/// <summary>Which dataset a selection of projected points becomes a segment of.</summary>
public sealed class ProjectionAttributesTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ProjectionAttributes Attributes => _harness.Get<ProjectionAttributes>();

    [Fact]
    public async Task MemberDataset_EventsRunProjectingCustomers_IsTheCustomersDatasetNotTheEvents()
    {
        var events = await _harness.ImportAsync("events", ["event_id", "customer_id", "amount"],
            [["E1", "C1", "3"], ["E2", "C1", "4"], ["E3", "C2", "5"]]);
        var customers = await _harness.ImportAsync("customers", ["customer_id", "age"], [["C1", "30"], ["C2", "41"], ["C3", "52"]]);

        var member = await Attributes.MemberDatasetAsync(_harness.WorkspaceId, "customer_id", events.Id);

        Assert.NotNull(member);
        Assert.Equal(customers.Id, member.Id);
        // The run's own dataset wins when it is keyed by the entity.
        Assert.Equal(events.Id, (await Attributes.MemberDatasetAsync(_harness.WorkspaceId, "event_id", events.Id))!.Id);
    }

    [Fact]
    public async Task MemberDataset_NoDatasetUniquelyKeyedByEntity_IsNull()
    {
        // product_id is this table's first identifier but repeats, so its rows are not products.
        var orders = await _harness.ImportAsync("orders", ["product_id", "customer_id", "amount"],
            [["P1", "C1", "3"], ["P1", "C2", "4"], ["P2", "C2", "5"]]);
        Assert.Equal(ColumnType.Identifier, orders.Columns.Single(c => c.Name == "product_id").Type);

        Assert.Null(await Attributes.MemberDatasetAsync(_harness.WorkspaceId, "product_id", orders.Id));
        Assert.Null(await Attributes.MemberDatasetAsync(_harness.WorkspaceId, "store_id", orders.Id));
    }
}
