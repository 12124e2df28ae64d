using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Studio.Ml.Sequences.Service;
using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class AttentionPageTests : StudioTestContext
{
    private static double Percent(string text) => double.Parse(text.Replace("%", "", StringComparison.Ordinal).Trim(), CultureInfo.CurrentCulture) / 100;

    [Fact]
    public async Task Viewer_CustomerFromQuery_LastTEventsWeightsSumToOneAndTopCandidates()
    {
        var runId = await SequenceRunSeed.TrainAsync(this);
        var customer = (await Services.GetRequiredService<AttentionService>().CustomersAsync(runId, null, 1))[0];
        Services.GetRequiredService<NavigationManager>().NavigateTo($"models/runs/{runId}/attention?customer={customer}");

        var cut = Render<AttentionPage>(p => p.Add(x => x.RunId, runId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=attended-event]")), TimeSpan.FromSeconds(20));
        var weights = cut.FindAll("[data-testid=event-weight]").Select(w => Percent(w.TextContent)).ToList();
        Assert.InRange(weights.Count, 1, 6);
        Assert.Equal(1.0, weights.Sum(), 0.02);
        Assert.Equal(10, cut.FindAll("[data-testid=candidate-row]").Count);
        Assert.Contains(customer, cut.Find("[data-testid=attention-timeline]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=attention-error]"));
    }

    [Fact]
    public async Task Viewer_ClickSecondCandidate_ExplainsThatCandidate()
    {
        var runId = await SequenceRunSeed.TrainAsync(this);
        var customer = (await Services.GetRequiredService<AttentionService>().CustomersAsync(runId, null, 1))[0];
        Services.GetRequiredService<NavigationManager>().NavigateTo($"models/runs/{runId}/attention?customer={customer}");
        var cut = Render<AttentionPage>(p => p.Add(x => x.RunId, runId));
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid=candidate-row]").Count), TimeSpan.FromSeconds(20));
        var second = cut.FindAll("[data-testid=candidate-row]")[1].QuerySelector("td")!.TextContent;

        cut.FindAll("[data-testid=candidate-row]")[1].Click();

        cut.WaitForAssertion(() => Assert.Contains($"→ {second}", cut.Find("[data-testid=attention-timeline]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Aggregates_Compute_ShowsCountAndCategoryHeatmap()
    {
        var runId = await SequenceRunSeed.TrainAsync(this);
        var cut = Render<AttentionPage>(p => p.Add(x => x.RunId, runId));
        Assert.NotNull(cut.Find("[data-testid=attention-empty]"));

        cut.Find("[data-testid=compute-aggregates]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=category-heatmap]")), TimeSpan.FromSeconds(20));
        Assert.Contains("sequences", cut.Find("[data-testid=aggregates-count]").TextContent, StringComparison.Ordinal);
        Assert.Equal(9, cut.Find("[data-testid=category-heatmap]").QuerySelectorAll("tr").Length);
    }

    [Fact]
    public async Task Viewer_UnknownRun_SaysSo()
    {
        await SequenceRunSeed.SeedAsync(this, eventLines: 10);

        var cut = Render<AttentionPage>(p => p.Add(x => x.RunId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Training run 999 does not exist.", cut.Find("[data-testid=attention-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunPage_SequenceRun_ShowsMetricsAgainstPopularityAndProtocol()
    {
        var runId = await SequenceRunSeed.TrainAsync(this);

        var cut = Render<RunPage>(p => p.Add(x => x.RunId, runId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=sequence-evaluation]")), TimeSpan.FromSeconds(10));
        var hr = cut.Find("[data-testid='seq-metric-HR@10']").QuerySelectorAll("td");
        Assert.InRange(Percent(hr[1].TextContent) * 100, 0, 1);
        Assert.NotEqual("—", hr[2].TextContent);
        Assert.Contains("full catalogue", cut.Find("[data-testid=seq-protocol]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Behaviour sequence (attention)", cut.Markup, StringComparison.Ordinal);
    }
}
