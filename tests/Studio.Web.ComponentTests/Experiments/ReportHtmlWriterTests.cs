using System.Globalization;
using System.Text.RegularExpressions;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Experiments;
using Studio.Web.Experiments;

namespace Studio.Web.ComponentTests.Experiments;

public sealed partial class ReportHtmlWriterTests
{
    private static readonly Lazy<ExperimentReadout> Readout = new(() =>
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("checkout", 20_000,
            [new SyntheticArm("control", 1, 0.10, 40), new SyntheticArm("treatment", 1, 0.12, 40)], Seed: 5, Days: 10, SegmentValues: 8));
        var spec = new ExperimentSpec("checkout", "control", new Dictionary<string, double> { ["control"] = 1, ["treatment"] = 1 })
        {
            SegmentAttribute = SyntheticExperimentSpec.SegmentAttribute,
        };
        return new ExperimentAnalyzer().Analyze(log, spec);
    });

    private static string Html()
    {
        var readout = Readout.Value;
        var definition = new ExperimentDefinition
        {
            Id = 1, Name = "checkout <script>alert(1)</script>", MappingJson = "{}", ControlVariant = "control", SpecOptionsJson = "{}",
        };
        var analysis = new StoredExperimentAnalysis(definition, readout.Spec, "experiments", new ExperimentAnalysis(readout, readout.DataQuality));
        return ReportHtmlWriter.Write(analysis, CultureInfo.GetCultureInfo("en-US"));
    }

    [Fact]
    public void Write_ReadoutWithTimeline_OneOfflineTimelinePerTreatmentAndMetric()
    {
        var html = Html();
        var groups = Readout.Value.Timeline.Select(p => (p.Treatment, p.Metric)).Distinct().Count();
        Assert.Equal(2, groups);
        Assert.Equal(groups, TimelineCharts().Matches(html).Count);
        var days = Readout.Value.Timeline.Count(p => p.Treatment == "treatment" && p.Metric == "converted");
        Assert.Equal(10, days);
        var estimate = EstimateLine().Match(html);
        Assert.True(estimate.Success);
        Assert.Equal(days, estimate.Groups[1].Value.Split(' ').Length);
    }

    [Fact]
    public void Write_ReadoutWithSegments_OneRowPerSegmentComparison()
    {
        var html = Html();
        var segments = Readout.Value.Segments!;
        var table = html[html.IndexOf("<table class=\"segments\"", StringComparison.Ordinal)..];
        table = table[..(table.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        Assert.Equal(segments.Values.Sum(v => v.Comparisons.Count) + 1, Regex.Matches(table, "<tr>").Count);
        Assert.Contains(segments.Values[0].Units.ToString("N0", CultureInfo.GetCultureInfo("en-US")), table, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnyReadout_NoScriptsOrExternalReferences()
    {
        var html = Html();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("checkout &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<svg[^>]*class=\"timeline\"")]
    private static partial Regex TimelineCharts();

    [GeneratedRegex("<polyline points=\"([^\"]+)\"[^>]*class=\"estimate\"")]
    private static partial Regex EstimateLine();
}
