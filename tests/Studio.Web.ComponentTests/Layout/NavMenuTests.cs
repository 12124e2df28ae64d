using Bunit;
using Studio.Web.Components.Layout;

namespace Studio.Web.ComponentTests.Layout;

public sealed class NavMenuTests : StudioTestContext
{
    [Fact]
    public void NavMenu_Rendered_LinksEverySection()
    {
        var menu = Render<NavMenu>();

        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "data", "models", "projections", "segments", "experiments", "reports", "jobs", "audit"],
            hrefs.Select(h => h == "" ? "/" : h));
        var texts = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "Data", "Models", "Projections", "Segments", "Experiments", "Reports", "Jobs", "Audit log"], texts);
    }
}
