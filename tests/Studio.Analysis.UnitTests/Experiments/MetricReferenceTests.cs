using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Summaries;
using static Studio.Analysis.UnitTests.Experiments.ReferenceData;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>
/// Ratio metrics, summary input, daily cumulative aggregates and a p ≈ 0.009 SRM against numbers computed by
/// reference/make_reference_metrics.py (scipy / statsmodels / numpy), to 1e-6.
/// </summary>
public class MetricReferenceTests
{
    private static readonly JsonElement Reference = LoadReference();

    private static JsonElement LoadReference()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Experiments", "reference", "reference_metrics.json")));
        return document.RootElement.Clone();
    }

    private static readonly MetricSpec[] RatioMetrics =
    [
        new("converted", MetricKind.Proportion),
        new("revenue", MetricKind.Mean, MetricRole.Guardrail),
        new("revenue", MetricKind.Ratio, MetricRole.Primary, "visits"),
    ];

    /// <summary>The ratio dataset: one row per unit, no unit id and no assignment time.</summary>
    private static ExperimentLog RatioLog()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Experiments", "reference", "dataset_ratio.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        double? Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return new ExperimentLogBuilder("ratio")
            .WithVariants(rows.Select(r => r[0]))
            .WithOutcome("visits", rows.Select(r => Number(r[1])))
            .WithOutcome("converted", rows.Select(r => Number(r[2])))
            .WithOutcome("revenue", rows.Select(r => Number(r[3])))
            .Build();
    }

    private static void CloseComparison(JsonElement expected, MetricComparison actual, string statistic)
    {
        var what = $"{actual.Treatment} {actual.Metric}";
        Close(expected.D(statistic), actual.Test.Statistic, $"{what} {statistic}");
        Close(expected.D("p"), actual.Test.PValue, $"{what} p");
        Close(expected.D("diff"), actual.AbsoluteLift.Value, $"{what} diff");
        Close(expected.D("diff_low"), actual.AbsoluteLift.Low, $"{what} diff low");
        Close(expected.D("diff_high"), actual.AbsoluteLift.High, $"{what} diff high");
        var relative = expected.GetProperty("relative");
        Close(relative.D("value"), actual.RelativeLift.Value, $"{what} relative");
        Close(relative.D("low"), actual.RelativeLift.Low, $"{what} relative low");
        Close(relative.D("high"), actual.RelativeLift.High, $"{what} relative high");
        Close(expected.D("adjusted_p"), actual.AdjustedPValue, $"{what} Holm-adjusted p");
    }

    [Fact]
    public void Analyze_RatioMetricWithoutUnitIdOrTime_MatchesDeltaMethodAndOneHolmFamily()
    {
        var readout = new ExperimentAnalyzer().Analyze(RatioLog(), new ExperimentSpec("ratio", "control") { Metrics = RatioMetrics });
        var reference = Reference.GetProperty("ratio");
        foreach (var arm in reference.GetProperty("arms").EnumerateObject())
        {
            var actual = readout.Arms.Single(a => a.Variant == arm.Name);
            Assert.Equal(arm.Value.GetProperty("n").GetInt64(), actual.Units);
            var ratio = actual.Metric("revenue / visits")!;
            Close(arm.Value.D("ratio"), ratio.Estimate.Value, $"{arm.Name} ratio");
            Close(arm.Value.D("variance"), ratio.VarianceOfEstimate, $"{arm.Name} delta-method variance");
            Close(arm.Value.D("low"), ratio.Estimate.Low, $"{arm.Name} ratio low");
            Close(arm.Value.D("high"), ratio.Estimate.High, $"{arm.Name} ratio high");
        }

        var expected = reference.GetProperty("comparisons").EnumerateArray().ToList();
        Assert.Equal(6, readout.CorrectionFamilySize);
        Assert.Equal(expected.Count, readout.Comparisons.Count);
        foreach (var e in expected)
        {
            var actual = readout.Comparison(e.GetProperty("treatment").GetString()!, e.GetProperty("metric").GetString()!)!;
            CloseComparison(e, actual, actual.Kind == MetricKind.Mean ? "t" : "z");
        }

        Assert.Equal(MetricRole.Guardrail, readout.Comparison("B", "revenue")!.Role);
        Close(reference.D("srm_p"), readout.Srm.PValue, "SRM p");
        Assert.Empty(readout.Timeline);
        Assert.Contains("No assignment-time column", readout.TimelineNote, StringComparison.Ordinal);
        Assert.Contains("one family of 6 test(s): 3 metric(s) × 2 treatment arm(s)", readout.CorrectionStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeSummary_PerArmTotals_MatchesStatsmodelsAndScipy()
    {
        var reference = Reference.GetProperty("totals");
        var rows = new List<SummaryRow>();
        foreach (var arm in reference.GetProperty("arms").EnumerateArray())
        {
            var variant = arm.GetProperty("variant").GetString()!;
            var n = arm.GetProperty("n").GetInt64();
            rows.Add(SummaryRow.FromConversions(variant, "converted", n, arm.GetProperty("conversions").GetInt64()));
            rows.Add(SummaryRow.FromStandardDeviation(variant, "spend", n, arm.D("mean"), arm.D("sd")));
        }

        MetricSpec[] metrics = [new("converted", MetricKind.Proportion), new("spend", MetricKind.Mean)];
        var analysis = new ExperimentAnalyzer().TryAnalyze(new SummaryInput(metrics, rows), new ExperimentSpec("totals", "control"));
        var readout = Assert.IsType<ExperimentReadout>(analysis.Readout);
        CloseComparison(reference.GetProperty("converted"), readout.Comparison("treatment", "converted")!, "z");
        var spend = readout.Comparison("treatment", "spend")!;
        CloseComparison(reference.GetProperty("spend"), spend, "t");
        Close(reference.GetProperty("spend").D("df"), spend.Test.DegreesOfFreedom, "Welch df");
        var wilson = readout.Arms[1].Metric("converted")!.Estimate;
        Close(reference.GetProperty("treatment_wilson").D("low"), wilson.Low, "Wilson low");
        Close(reference.GetProperty("treatment_wilson").D("high"), wilson.High, "Wilson high");
        Close(reference.D("srm_p"), readout.Srm.PValue, "SRM p");
        Assert.Equal("The input holds per-arm totals only, so there is no timeline.", readout.TimelineNote);
    }

    [Fact]
    public void AnalyzeSummary_DailyCumulativeAggregates_TimelineAndAlwaysValidSequenceMatchReference()
    {
        var daily = Reference.GetProperty("daily");
        var days = daily.GetProperty("days").EnumerateArray().ToList();
        var rows = days.SelectMany(d => new[] { "control", "treatment" }.Select(v =>
        {
            var s = d.GetProperty(v);
            return new SummaryRow(v, "spend", s.GetProperty("n").GetInt64(), s.D("mean"), s.D("variance"), DateOnly.Parse(d.GetProperty("day").GetString()!, CultureInfo.InvariantCulture));
        })).ToList();
        var readout = new ExperimentAnalyzer().TryAnalyze(new SummaryInput([new MetricSpec("spend", MetricKind.Mean)], rows), new ExperimentSpec("daily", "control")).Readout!;

        Assert.Equal(days.Count, readout.Timeline.Count);
        Assert.Null(readout.TimelineNote);
        foreach (var (expected, point) in days.Zip(readout.Timeline))
        {
            Assert.Equal(DateOnly.Parse(expected.GetProperty("day").GetString()!, CultureInfo.InvariantCulture), point.Day);
            Close(expected.D("lift"), point.Lift.Value, $"{point.Day} lift");
            Close(expected.D("fixed_half"), (point.Lift.High - point.Lift.Low) / 2, $"{point.Day} fixed half-width");
            Close(expected.D("always_valid_half"), (point.AlwaysValidLift.High - point.AlwaysValidLift.Low) / 2, $"{point.Day} always-valid half-width");
        }

        var final = daily.GetProperty("final");
        var comparison = readout.Comparison("treatment", "spend")!;
        Close(final.D("t"), comparison.Test.Statistic, "final t");
        Close(final.D("df"), comparison.Test.DegreesOfFreedom, "final df");
        Close(final.D("p"), comparison.Test.PValue, "final p");
    }

    [Fact]
    public void AnalyzeSummary_DailyRowsNotCumulative_RefusedNamingVariantAndDay()
    {
        var rows = new[]
        {
            new SummaryRow("control", "spend", 100, 5, 4, new DateOnly(2026, 3, 1)), new SummaryRow("control", "spend", 90, 5, 4, new DateOnly(2026, 3, 2)),
            new SummaryRow("treatment", "spend", 100, 5, 4, new DateOnly(2026, 3, 1)), new SummaryRow("treatment", "spend", 200, 5, 4, new DateOnly(2026, 3, 2)),
        };
        var analysis = new ExperimentAnalyzer().TryAnalyze(new SummaryInput([new MetricSpec("spend", MetricKind.Mean)], rows), new ExperimentSpec("daily", "control"));
        Assert.Null(analysis.Readout);
        Assert.Contains(analysis.Issues, i => i.Message.Contains("variant 'control', metric spend: n falls from 100 to 90 on 2026-03-02", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.001, false)]
    public void Srm_GameTestAt49_6Percent_FlaggedOnlyWhenThresholdIsAboveItsPValue(double threshold, bool flagged)
    {
        var srm = Reference.GetProperty("srm");
        var counts = srm.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        // Unit rows as a public game test has them: variant and a 0/1 retention outcome, no unit id and no time.
        var variants = Enumerable.Repeat("gate_30", counts[0]).Concat(Enumerable.Repeat("gate_40", counts[1])).ToArray();
        var retained = variants.Select((_, i) => (double?)(i % 5 == 0 ? 1 : 0));
        var log = new ExperimentLogBuilder("game").WithVariants(variants).WithOutcome("retention_1", retained).Build();
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("game", "gate_30") { SrmThreshold = threshold });
        Close(srm.D("chi2"), readout.Srm.ChiSquare, "SRM chi-square");
        Close(srm.D("p"), readout.Srm.PValue, "SRM p");
        Assert.InRange(readout.Srm.PValue, 0.008, 0.010);
        Assert.Equal(flagged, readout.SrmFlagged);
        Assert.Equal(!flagged, readout.CanShip);
        Assert.Contains(flagged ? "MISMATCH" : "no mismatch", readout.SrmStatement, StringComparison.Ordinal);
    }
}
