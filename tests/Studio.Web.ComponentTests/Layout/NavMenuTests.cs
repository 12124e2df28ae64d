using Bunit;
using Studio.Data.Accounts;
using Studio.Web.Components.Layout;

namespace Studio.Web.ComponentTests.Layout;

public sealed class NavMenuTests : StudioTestContext
{
    [Fact]
    public void NavMenu_Analyst_LinksEverySectionButTheAuditLog()
    {
        var menu = Render<NavMenu>();

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "data", "models", "projections", "segments", "experiments", "reports", "jobs"],
            hrefs.Select(h => h == "" ? "/" : h));
        var texts = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "Data", "Models", "Projections", "Segments", "Experiments", "Reports", "Jobs"], texts);
    }

    [Fact]
    public void NavMenu_Administrator_AlsoLinksTheAuditLog()
    {
        SignInAs(StudioRoles.Administrator);

        var menu = Render<NavMenu>();

        Assert.Equal("audit", menu.FindAll("a").Last().GetAttribute("href"));
        Assert.Equal("Audit log", menu.FindAll("a").Last().TextContent.Trim());
    }
}
