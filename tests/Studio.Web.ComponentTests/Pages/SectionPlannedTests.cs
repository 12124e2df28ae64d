using Bunit;
using Studio.Web.Components.Pages.Sections;

namespace Studio.Web.ComponentTests.Pages;

public sealed class SectionPlannedTests : StudioTestContext
{
    [Fact]
    public void ModelsPage_NotBuiltYet_SaysSoAndNamesTheIssue()
    {
        var page = Render<ModelsPage>();

        var panel = page.Find("[data-testid=section-planned]");
        Assert.Contains("planned in issue #4", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, panel.QuerySelectorAll("li").Length);
    }
}
