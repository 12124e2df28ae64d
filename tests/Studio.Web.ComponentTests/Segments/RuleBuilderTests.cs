using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Web.Components.Pages.Segments;

namespace Studio.Web.ComponentTests.Segments;

public sealed class RuleBuilderTests : SegmentsTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public RuleBuilderTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

    private async Task<IRenderedComponent<NewRuleSegmentPage>> RenderWithAgeRuleAsync()
    {
        await SeedAsync();
        var cut = Render<NewRuleSegmentPage>();
        cut.WaitForAssertion(() => Assert.Equal("8", cut.Find("[data-testid=preview-count]").TextContent.Trim()), Wait);
        cut.Find("[data-testid=add-attribute-rule]").Click();
        cut.WaitForAssertion(() => Assert.Contains(cut.FindComponents<MudSelect<string>>(), s => s.Instance.Label == "Column"), Wait);
        var column = cut.FindComponents<MudSelect<string>>().First(s => s.Instance.Label == "Column");
        await cut.InvokeAsync(() => column.Instance.SelectOption("age"));
        return cut;
    }

    private static void SetRange(IRenderedComponent<NewRuleSegmentPage> cut, string min, string max)
    {
        cut.Find("[data-testid=rule-min] input, input[data-testid=rule-min]").Change(min);
        cut.Find("[data-testid=rule-max] input, input[data-testid=rule-max]").Change(max);
    }

    [Fact]
    public async Task Preview_AgeRange_CountsMatchingCustomersAndShare()
    {
        var cut = await RenderWithAgeRuleAsync();

        SetRange(cut, "30", "45");

        // ages 31, 35, 38, 41
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=preview-count]").TextContent.Trim()), Wait);
        Assert.Equal("50.0% of 8 customers", cut.Find("[data-testid=preview-share]").TextContent.Trim());
    }

    /// <summary>
    /// Edits faster than a count: each cancels the count before it. Once, a count went on with a token whose source a
    /// later edit had disposed, threw ObjectDisposedException and took the circuit down (a browser test saw the
    /// "Something went wrong" bar with the count stuck on "counting…").
    /// </summary>
    [Fact]
    public async Task Preview_BurstOfEditsDuringACount_LastCountWinsWithoutErrors()
    {
        var cut = await RenderWithAgeRuleAsync();
        cut.WaitForAssertion(() => Assert.Equal("8", cut.Find("[data-testid=preview-count]").TextContent.Trim()), Wait);
        var editor = cut.FindComponent<RuleEditor>().Instance;

        for (var burst = 0; burst < 5; burst++)
            await cut.InvokeAsync(() => Task.WhenAll(Enumerable.Range(0, 4).Select(_ => editor.Changed.InvokeAsync())));
        SetRange(cut, "30", "45");

        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=preview-count]").TextContent.Trim()), Wait);
        Assert.Empty(cut.FindAll("[data-testid=preview-counting]"));
    }

    [Fact]
    public async Task Preview_NoColumnChosen_AsksForOneAndBlocksCreate()
    {
        await SeedAsync();
        var cut = Render<NewRuleSegmentPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=preview-count]")), Wait);

        cut.Find("[data-testid=add-attribute-rule]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Rule 1: choose a column.", cut.Find("[data-testid=rule-problem]").TextContent.Trim()), Wait);
        Assert.True(cut.Find("[data-testid=create-segment]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Preview_MinAboveMax_ExplainsAndBlocksCreate()
    {
        var cut = await RenderWithAgeRuleAsync();
        cut.Find("[data-testid=segment-name] input, input[data-testid=segment-name]").Input("Broken");

        SetRange(cut, "50", "20");

        cut.WaitForAssertion(() => Assert.Contains("Rule 1: the minimum 50 is above the maximum 20.",
            cut.Find("[data-testid=rule-problem]").TextContent, StringComparison.Ordinal), Wait);
        Assert.True(cut.Find("[data-testid=create-segment]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Create_NamedValidRules_StoresMembersAndOpensProfile()
    {
        var cut = await RenderWithAgeRuleAsync();
        SetRange(cut, "40", "");
        cut.WaitForAssertion(() => Assert.Equal("4", cut.Find("[data-testid=preview-count]").TextContent.Trim()), Wait);
        cut.Find("[data-testid=segment-name] input, input[data-testid=segment-name]").Input("Forty plus");

        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=create-segment]").HasAttribute("disabled")), Wait);
        cut.Find("[data-testid=create-segment]").Click();

        var navigation = Services.GetService(typeof(NavigationManager)) as NavigationManager;
        cut.WaitForAssertion(() => Assert.Matches(@"/segments/\d+$", navigation!.Uri), Wait);
        var segment = Assert.Single(await Store.ListAsync(1));
        Assert.Equal("Forty plus", segment.Name);
        Assert.Equal(["C5", "C6", "C7", "C8"], await Store.ReadMemberKeysAsync(segment.Id));
    }
}
