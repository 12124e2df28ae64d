using Bunit;
using Studio.Web.Components.Pages.Sections;

namespace Studio.Web.ComponentTests.Pages;

public sealed class SectionPlannedTests : StudioTestContext
{
    [Fact]
    public void SegmentsPage_NotBuiltYet_SaysSoAndNamesTheIssue()
    {
        var page = Render<SegmentsPage>();

        var panel = page.Find("[data-testid=section-planned]");
        Assert.Contains("planned in issue #6", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, panel.QuerySelectorAll("li").Length);
    }
}
