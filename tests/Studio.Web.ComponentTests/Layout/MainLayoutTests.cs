using Bunit;
using Microsoft.AspNetCore.Components;
using Studio.Web.Components.Layout;

namespace Studio.Web.ComponentTests.Layout;

public sealed class MainLayoutTests : StudioTestContext
{
    [Fact]
    public void Layout_PageThrowsWhileLoading_ShowsTheErrorInPlaceAndKeepsNavigation()
    {
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<ThrowingPage>(0);
            builder.CloseComponent();
        }));

        var error = layout.Find("[data-testid=page-error]");
        Assert.Contains("This page hit an error and stopped: checkpoint unreadable", error.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, layout.FindAll("nav a, .mud-navmenu a").Count); // the analyst's sections (the audit log is administrators')
    }

    private sealed class ThrowingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("checkpoint unreadable");
    }
}
