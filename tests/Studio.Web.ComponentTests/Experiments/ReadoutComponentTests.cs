using System.Globalization;
using Bunit;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Experiments;
using Studio.Web.Components.Pages.Experiments;

namespace Studio.Web.ComponentTests.Experiments;

public sealed class ReadoutComponentTests : StudioTestContext
{
    private static readonly Lazy<ExperimentReadout> Healthy = new(() => Analyze(1.0));
    private static readonly Lazy<ExperimentReadout> Mismatched = new(() => Analyze(0.8));

    private static ExperimentReadout Analyze(double treatmentWeight)
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("checkout", 20_000,
            [new SyntheticArm("control", 1, 0.10, 40), new SyntheticArm("treatment", treatmentWeight, 0.12, 40)], Seed: 3));
        var spec = new ExperimentSpec("checkout", "control", new Dictionary<string, double> { ["control"] = 1, ["treatment"] = 1 });
        return new ExperimentAnalyzer().Analyze(log, spec);
    }

    private static ExperimentDefinition Definition() => new()
    {
        Id = 1, Name = "checkout", Question = "Does the new checkout convert better?", MappingJson = "{}", ControlVariant = "control",
        SpecOptionsJson = "{}", Decision = ExperimentDecision.KeepRunning, Notes = "Wait for two full weeks.",
    };

    [Fact]
    public void ReadoutView_MismatchedReadout_ShowsSrmBanner()
    {
        var cut = Render<ReadoutView>(p => p.Add(x => x.Readout, Mismatched.Value).Add(x => x.Static, true));
        var banner = cut.Find("[data-testid=srm-banner]");
        Assert.Contains("Sample ratio mismatch", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("ship", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadoutView_HealthyReadout_NoBannerAndFormattedNumbers()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        var readout = Healthy.Value;
        var cut = Render<ReadoutView>(p => p.Add(x => x.Readout, readout).Add(x => x.Static, true));
        Assert.Empty(cut.FindAll("[data-testid=srm-banner]"));
        var arms = cut.Find("[data-testid=arms-table]").TextContent;
        var control = readout.Arms[0];
        Assert.Contains(control.Units.ToString("N0", CultureInfo.GetCultureInfo("en-US")), arms, StringComparison.Ordinal);
        Assert.Contains(control.Metric("converted")!.Estimate.Value.ToString("P2", CultureInfo.GetCultureInfo("en-US")), arms, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=comparison-row]").Count);
        var conversion = readout.Comparison("treatment", "converted")!;
        Assert.Contains(conversion.RelativeLift.Value.ToString("P2", CultureInfo.GetCultureInfo("en-US")), cut.Find("[data-testid=comparisons-table]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionPanel_MismatchedReadout_ShipButtonDisabledWithReason()
    {
        var cut = Render<DecisionPanel>(p => p.Add(x => x.Definition, Definition()).Add(x => x.Readout, Mismatched.Value));
        Assert.True(cut.Find("[data-testid=decide-ship]").HasAttribute("disabled"));
        Assert.Contains("Sample ratio mismatch", cut.Find("[data-testid=ship-blocked]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=decide-dont-ship]").HasAttribute("disabled"));
    }

    [Fact]
    public void DecisionPanel_HealthyReadout_ShipEnabled()
    {
        var cut = Render<DecisionPanel>(p => p.Add(x => x.Definition, Definition()).Add(x => x.Readout, Healthy.Value));
        Assert.False(cut.Find("[data-testid=decide-ship]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=ship-blocked]"));
    }

    [Fact]
    public void DecisionPanel_Viewer_EveryDecisionButtonDisabled()
    {
        SignInAs(Studio.Data.Accounts.StudioRoles.Viewer);
        var cut = Render<DecisionPanel>(p => p.Add(x => x.Definition, Definition()).Add(x => x.Readout, Healthy.Value));
        foreach (var id in new[] { "decide-ship", "decide-dont-ship", "decide-keep-running", "save-decision" })
            Assert.True(cut.Find($"[data-testid={id}]").HasAttribute("disabled"), id);
    }

    [Fact]
    public void ReportView_StoredAnalysis_ShowsQuestionDesignDecisionAndNotes()
    {
        var readout = Mismatched.Value;
        var analysis = new StoredExperimentAnalysis(Definition(), readout.Spec, "experiments", new ExperimentAnalysis(readout, readout.DataQuality));
        var cut = Render<ReportView>(p => p.Add(x => x.Analysis, analysis).Add(x => x.Static, true));
        Assert.Contains("Does the new checkout convert better?", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("experiments", cut.Find("[data-testid=report-design]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Keep running", cut.Find("[data-testid=report-decision]").TextContent.Trim());
        Assert.Equal("Wait for two full weeks.", cut.Find("[data-testid=report-notes]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=srm-banner]"));
    }

    [Fact]
    public void ReadoutView_RefusedAnalysis_ShowsEveryIssueMessage()
    {
        var log = new ExperimentLogBuilder("broken").WithUnitIds(["a", "b"]).WithVariants(["control", "control"])
            .WithAssignedAt([SyntheticExperimentSpec.Start, SyntheticExperimentSpec.Start]).WithConverted([1.0, 2.0]).Build();
        var analysis = new ExperimentAnalyzer().TryAnalyze(log, new ExperimentSpec("broken", "control"));
        Assert.Null(analysis.Readout);
        var cut = Render<ReadoutView>(p => p.Add(x => x.Issues, analysis.Issues).Add(x => x.Static, true));
        Assert.NotNull(cut.Find("[data-testid=analysis-refused]"));
        foreach (var issue in analysis.Issues) Assert.Contains(issue.Message, cut.Find("[data-testid=data-quality]").TextContent, StringComparison.Ordinal);
        Assert.True(analysis.Issues.Count >= 2);
    }

    [Fact]
    public void ReadoutView_SegmentAttribute_TopValuesAndOtherRows()
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("seg", 20_000,
            [new SyntheticArm("control", 1, 0.10, 40), new SyntheticArm("treatment", 1, 0.12, 40)], Seed: 5, SegmentValues: 30));
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("seg", "control")
        {
            SegmentAttribute = SyntheticExperimentSpec.SegmentAttribute, TopSegmentValues = 5,
        });
        var cut = Render<ReadoutView>(p => p.Add(x => x.Readout, readout).Add(x => x.Static, true));
        var rows = cut.FindAll("[data-testid=segments-table] tbody tr");
        Assert.Equal(6 * 2, rows.Count);
        Assert.StartsWith("Other", rows[^1].TextContent.Trim(), StringComparison.Ordinal);
    }
}
