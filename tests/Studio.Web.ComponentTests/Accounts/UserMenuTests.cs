using Bunit;
using MudBlazor;
using Studio.Data.Accounts;
using Studio.Web.Components.Layout;
using Studio.Web.Components.Pages.Data;

namespace Studio.Web.ComponentTests.Accounts;

public sealed class UserMenuTests : StudioTestContext
{
    [Fact]
    public void UserMenu_Analyst_ShowsNameAndRoleWithoutUsersLink()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<UserMenu>();
        Assert.Equal("analyst · analyst", cut.Find("[data-testid=user-chip]").TextContent.Trim());
        OpenMenu(cut);
        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll("[data-testid=menu-signout]")));
        Assert.Single(popovers.FindAll("form[action=signout]"));
        Assert.Single(popovers.FindAll("form[action=signout-everywhere]"));
        Assert.Empty(popovers.FindAll("[data-testid=menu-users]"));
    }

    [Fact]
    public void UserMenu_Administrator_OffersTheUsersPage()
    {
        SignInAs(StudioRoles.Administrator);
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<UserMenu>();
        OpenMenu(cut);
        popovers.WaitForAssertion(() => Assert.Single(popovers.FindAll("[data-testid=menu-users]")));
    }

    [Fact]
    public void DatasetsPage_Viewer_HasNoUploadButton()
    {
        SignInAs(StudioRoles.Viewer);
        var cut = Render<DatasetsPage>();
        Assert.Empty(cut.FindAll("[data-testid=upload-link]"));
    }

    [Fact]
    public void DatasetsPage_Analyst_HasTheUploadButton()
    {
        var cut = Render<DatasetsPage>();
        Assert.Single(cut.FindAll("[data-testid=upload-link]"));
    }

    private static void OpenMenu(IRenderedComponent<UserMenu> cut)
    {
        var menu = cut.FindComponent<MudMenu>();
        cut.InvokeAsync(() => menu.Instance.OpenMenuAsync(EventArgs.Empty, false)).GetAwaiter().GetResult();
    }
}
