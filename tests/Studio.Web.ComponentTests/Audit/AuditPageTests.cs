using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Studio.Data.Audit;
using Studio.Web.Components.Pages.Audit;

namespace Studio.Web.ComponentTests.Audit;

public sealed class AuditPageTests : StudioTestContext
{
    [Fact]
    public async Task AuditPage_ActorFilterApplied_ShowsOnlyThatActorAndExportLinkCarriesTheFilter()
    {
        var log = Services.GetRequiredService<IAuditLog>();
        await log.RecordAsync(new AuditRecord("alice", AuditAction.SegmentExported, "segment 3 'VIP'", "Csv list", 1234, 1));
        await log.RecordAsync(new AuditRecord("bob", AuditAction.SegmentDeleted, "segment 4 'Old'", null, 10, 1));

        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-table] tbody tr").Count));
        // Newest first.
        Assert.Contains("bob", cut.FindAll("[data-testid=audit-table] tbody tr")[0].TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=audit-actor] input, input[data-testid=audit-actor]").Change("alice");
        cut.Find("[data-testid=audit-apply]").Click();

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.FindAll("[data-testid=audit-table] tbody tr"));
            Assert.Contains("segment 3 'VIP'", row.TextContent, StringComparison.Ordinal);
            Assert.Contains(1234.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), row.TextContent, StringComparison.Ordinal);
        });
        var href = cut.Find("[data-testid=audit-export]").GetAttribute("href");
        Assert.StartsWith("api/audit.csv?", href, StringComparison.Ordinal);
        Assert.Contains("actor=alice", href, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditPage_NoLines_SaysSo()
    {
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Contains("No audit lines match", cut.Find("[data-testid=audit-empty]").TextContent, StringComparison.Ordinal));
    }
}
