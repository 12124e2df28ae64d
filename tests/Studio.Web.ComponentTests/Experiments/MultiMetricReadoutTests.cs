using System.Globalization;
using Bunit;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Web.Components.Pages.Experiments;
using Studio.Web.Experiments;

namespace Studio.Web.ComponentTests.Experiments;

/// <summary>The readout page with several named metrics, no assignment time and the SRM verdict always shown.</summary>
public sealed class MultiMetricReadoutTests : StudioTestContext
{
    private static readonly Lazy<ExperimentReadout> Readout = new(() =>
    {
        var random = new Random(9);
        var variants = Enumerable.Range(0, 4000).Select(i => i % 2 == 0 ? "control" : "treatment").ToArray();
        var visits = variants.Select(_ => (double?)(1 + random.Next(0, 4))).ToArray();
        var converted = variants.Select(v => (double?)(random.NextDouble() < (v == "control" ? 0.2 : 0.25) ? 1 : 0)).ToArray();
        var revenue = converted.Select(c => (double?)(c == 1 ? 10 + random.NextDouble() * 30 : 0)).ToArray();
        var log = new ExperimentLogBuilder("visits").WithVariants(variants).WithOutcome("visits", visits).WithOutcome("converted", converted).WithOutcome("revenue", revenue).Build();
        return new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("visits", "control")
        {
            SrmThreshold = 0.01,
            Metrics = [new("converted", MetricKind.Proportion), new("revenue", MetricKind.Mean, MetricRole.Guardrail), new("revenue", MetricKind.Ratio, Denominator: "visits")],
        });
    });

    [Fact]
    public void ReadoutView_ThreeMetricsNoTime_NamesColumnsStatesFamilyAndSrmVerdict()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        var cut = Render<ReadoutView>(p => p.Add(x => x.Readout, Readout.Value).Add(x => x.Static, true));
        var srm = cut.Find("[data-testid=srm-ok]").TextContent;
        Assert.Contains(ReadoutFormat.PEquals(Readout.Value.Srm.PValue), srm, StringComparison.Ordinal);
        Assert.Contains("flagged below 0.01", srm, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[data-testid=comparison-row]").Count);
        var comparisons = cut.Find("[data-testid=comparisons-table]").TextContent;
        Assert.Contains("revenue / visits", comparisons, StringComparison.Ordinal);
        Assert.Contains("guardrail", comparisons, StringComparison.Ordinal);
        Assert.Contains("one family of 3 test(s)", cut.Find("[data-testid=correction-statement]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No assignment-time column", cut.Find("[data-testid=no-timeline]").TextContent, StringComparison.Ordinal);
        var arms = cut.Find("[data-testid=arms-table]").TextContent;
        Assert.Contains("revenue / visits", arms, StringComparison.Ordinal);
        Assert.Contains(Readout.Value.Arms[0].Metric("revenue / visits")!.Estimate.Value.ToString("N2", CultureInfo.GetCultureInfo("en-US")), arms, StringComparison.Ordinal);
    }

    [Fact]
    public void Posteriors_EveryMetric_OneChartPerMetricWithFiniteDensitiesThatIntegrateToOne()
    {
        var charts = ReadoutCharts.Posteriors(Readout.Value);
        Assert.Equal(["converted: posterior per arm", "revenue: posterior per arm", "revenue / visits: posterior per arm"], charts.Select(c => c.Title));
        foreach (var chart in charts)
        {
            Assert.Equal(["control", "treatment"], chart.Series.Select(s => s.Name));
            foreach (var series in chart.Series)
            {
                var x = series.X.Select(Convert.ToDouble).ToArray();
                var y = series.Y.Select(Convert.ToDouble).ToArray();
                Assert.All(y, v => Assert.True(double.IsFinite(v) && v >= 0));
                // Trapezoid over mean ± 4.5 sd of the widest posterior: the mass inside is ≥ 0.99 (a wrong scale or density would miss by far).
                var area = Enumerable.Range(1, x.Length - 1).Sum(i => (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2);
                Assert.InRange(area, 0.99, 1.001);
            }
        }
    }
}
