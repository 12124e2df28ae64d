using Bunit;
using Studio.Web.Components.Shared;

namespace Studio.Web.ComponentTests.Pages;

public sealed class SectionPlannedTests : StudioTestContext
{
    [Fact]
    public void SectionPlanned_PlanOfThree_NamesTheIssueAndListsThePlan()
    {
        // Every section placeholder has been replaced; the shared panel stays for sections still to come.
        var page = Render<SectionPlanned>(p => p.Add(x => x.Headline, "Reports").Add(x => x.Issue, 9)
            .Add(x => x.Plan, (IReadOnlyList<string>)["one", "two", "three"]));

        var panel = page.Find("[data-testid=section-planned]");
        Assert.Contains("planned in issue #9", panel.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, panel.QuerySelectorAll("li").Length);
    }
}
