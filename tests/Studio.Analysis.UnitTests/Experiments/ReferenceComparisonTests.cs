using System.Text.Json;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Validation;
using Studio.Analysis.Experiments.Statistics;
using static Studio.Analysis.UnitTests.Experiments.ReferenceData;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>Every statistic of the readout against scipy/statsmodels/numpy values, to 1e-6.</summary>
public class ReferenceComparisonTests
{
    public static TheoryData<string> Datasets => new() { "two_arm", "three_arm", "tiny" };

    private static ExperimentReadout Run(string name, Func<ExperimentSpec, ExperimentSpec>? configure = null)
    {
        var reference = Json(name);
        var spec = new ExperimentSpec(name, reference.GetProperty("control").GetString()!, Split(reference)) { SegmentAttribute = "country" };
        return new ExperimentAnalyzer().Analyze(Log(name), configure is null ? spec : configure(spec));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Arms_ReferenceDataset_MatchStatsmodelsAndScipy(string name)
    {
        var reference = Json(name);
        var wilson = Run(name);
        var normal = Run(name, s => s with { ConversionInterval = ProportionIntervalMethod.Normal });
        foreach (var expected in reference.GetProperty("arms").EnumerateArray())
        {
            var variant = expected.GetProperty("variant").GetString()!;
            var arm = wilson.Arms.Single(a => a.Variant == variant);
            Assert.Equal(expected.GetProperty("n").GetInt64(), arm.Units);
            Assert.Equal(expected.GetProperty("conversions").GetInt64(), arm.Metric("converted")!.Successes);
            Close(expected.D("rate"), arm.Metric("converted")!.Estimate.Value, $"{variant} rate");
            Close(expected.D("wilson_low"), arm.Metric("converted")!.Estimate.Low, $"{variant} wilson low");
            Close(expected.D("wilson_high"), arm.Metric("converted")!.Estimate.High, $"{variant} wilson high");
            var armNormal = normal.Arms.Single(a => a.Variant == variant);
            Close(expected.D("normal_low"), armNormal.Metric("converted")!.Estimate.Low, $"{variant} normal low");
            Close(expected.D("normal_high"), armNormal.Metric("converted")!.Estimate.High, $"{variant} normal high");
            Close(expected.D("revenue_mean"), arm.Metric("revenue")!.Estimate.Value, $"{variant} revenue mean");
            Close(expected.D("revenue_sd"), arm.Metric("revenue")!.StandardDeviation, $"{variant} revenue sd");
            Close(expected.D("revenue_low"), arm.Metric("revenue")!.Estimate.Low, $"{variant} revenue low");
            Close(expected.D("revenue_high"), arm.Metric("revenue")!.Estimate.High, $"{variant} revenue high");
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Comparisons_ReferenceDataset_MatchTestsIntervalsBayesAndCuped(string name)
    {
        var readout = Run(name);
        foreach (var expected in Json(name).GetProperty("comparisons").EnumerateArray())
        {
            var metric = (expected.GetProperty("metric").GetString() == "Conversion" ? "converted" : "revenue");
            var treatment = expected.GetProperty("treatment").GetString()!;
            var actual = readout.Comparison(treatment, metric)!;
            var what = $"{treatment} {metric}";
            Close(expected.D(metric == "converted" ? "z" : "t"), actual.Test.Statistic, $"{what} statistic");
            Close(expected.D("p"), actual.Test.PValue, $"{what} p");
            if (metric == "revenue") Close(expected.D("df"), actual.Test.DegreesOfFreedom, $"{what} Welch df");
            else Assert.True(double.IsPositiveInfinity(actual.Test.DegreesOfFreedom));
            CloseInterval(expected, "diff", actual.AbsoluteLift, $"{what} absolute lift");
            CloseInterval(expected.GetProperty("relative"), "value", actual.RelativeLift, $"{what} relative lift");

            var bayes = expected.GetProperty("bayes");
            Close(bayes.D("probability"), actual.Bayesian.ProbabilityToBeatControl, $"{what} P(beat control)");
            Close(bayes.D("loss_treatment"), actual.Bayesian.ExpectedLossTreatment, $"{what} loss treatment");
            Close(bayes.D("loss_control"), actual.Bayesian.ExpectedLossControl, $"{what} loss control");

            var cuped = expected.GetProperty("cuped");
            var c = actual.Cuped!;
            Close(cuped.D("theta"), c.Theta, $"{what} CUPED theta");
            Close(cuped.D("treatment_mean"), c.AdjustedTreatmentMean, $"{what} CUPED treatment mean");
            Close(cuped.D("control_mean"), c.AdjustedControlMean, $"{what} CUPED control mean");
            CloseInterval(cuped, "diff", c.AbsoluteLift, $"{what} CUPED lift");
            Close(cuped.D("z"), c.Test.Statistic, $"{what} CUPED z");
            Close(cuped.D("p"), c.Test.PValue, $"{what} CUPED p");
            Close(cuped.D("variance_reduction"), c.VarianceReduction, $"{what} CUPED variance reduction");
            CloseInterval(cuped.GetProperty("relative"), "value", c.RelativeLift, $"{what} CUPED relative lift");
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void SrmAndCorrections_ReferenceDataset_MatchChisquareAndMultipletests(string name)
    {
        var reference = Json(name);
        var holm = Run(name);
        Close(reference.GetProperty("srm").D("chi2"), holm.Srm.ChiSquare, "SRM chi-square");
        Close(reference.GetProperty("srm").D("p"), holm.Srm.PValue, "SRM p");
        Assert.False(holm.SrmFlagged);
        var bh = Run(name, s => s with { Correction = MultipleTestingCorrection.BenjaminiHochberg });
        var expectedHolm = reference.GetProperty("holm").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var expectedBh = reference.GetProperty("bh").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(expectedHolm.Count, holm.Comparisons.Count);
        for (var i = 0; i < expectedHolm.Count; i++)
        {
            Close(expectedHolm[i], holm.Comparisons[i].AdjustedPValue, $"Holm p[{i}]");
            Close(expectedBh[i], bh.Comparisons[i].AdjustedPValue, $"BH p[{i}]");
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Winsorization_ReferenceDataset_MatchesNumpyPercentileAndWelch(string name)
    {
        var reference = Json(name);
        foreach (var (scope, key) in new[] { (WinsorizationScope.Pooled, "winsorized_pooled_90"), (WinsorizationScope.PerArm, "winsorized_per_arm_90") })
        {
            var expected = reference.GetProperty(key);
            if (scope == WinsorizationScope.PerArm && expected.GetProperty("caps").EnumerateArray().Any(c => c.GetDouble() == 0))
            {
                // Capping an arm at 0 (its minimum) would zero its revenue: refused, naming the column and suggesting a percentile.
                var refused = Assert.Throws<ExperimentValidationException>(() => Run(name, s => s with { Winsorization = new WinsorizationSpec(90, scope) }));
                var issue = Assert.Single(refused.Issues, i => i.Code == IssueCode.WinsorizationMakesConstant);
                Assert.Equal("revenue", issue.Column);
                Assert.Contains("Choose a percentile above", issue.Message, StringComparison.Ordinal);
                continue;
            }

            var readout = Run(name, s => s with { Winsorization = new WinsorizationSpec(90, scope) });
            if (scope == WinsorizationScope.Pooled) Assert.All(readout.Winsorization!.Caps["revenue"], cap => Close(expected.D("cap"), cap, "pooled cap"));
            else
            {
                var caps = expected.GetProperty("caps").EnumerateArray().Select(e => e.GetDouble()).ToList();
                for (var a = 0; a < caps.Count; a++) Close(caps[a], readout.Winsorization!.Caps["revenue"][a], $"cap of arm {a}");
            }

            foreach (var arm in readout.Arms.Skip(1))
            {
                var welch = expected.GetProperty($"welch_{arm.Variant}");
                var actual = readout.Comparison(arm.Variant, "revenue")!;
                Close(welch.D("t"), actual.Test.Statistic, $"{scope} {arm.Variant} t");
                Close(welch.D("df"), actual.Test.DegreesOfFreedom, $"{scope} {arm.Variant} df");
                Close(welch.D("p"), actual.Test.PValue, $"{scope} {arm.Variant} p");
                CloseInterval(welch, "diff", actual.AbsoluteLift, $"{scope} {arm.Variant} lift");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void SequentialAndSegment_ReferenceDataset_MatchFormulaAndZTest(string name)
    {
        var reference = Json(name);
        var readout = Run(name);
        var treatment = readout.Arms[1].Variant;
        var sequential = reference.GetProperty("sequential_last");
        var lastConversion = readout.Timeline.Last(p => p.Metric == "converted" && p.Treatment == treatment);
        var lastRevenue = readout.Timeline.Last(p => p.Metric == "revenue" && p.Treatment == treatment);
        Assert.Equal(readout.Arms[0].Units + readout.Arms[1].Units, lastConversion.TreatmentUnits + lastConversion.ControlUnits);
        Close(sequential.D("conversion_halfwidth"), (lastConversion.AlwaysValidLift.High - lastConversion.AlwaysValidLift.Low) / 2, "conversion always-valid half-width");
        Close(sequential.D("revenue_halfwidth"), (lastRevenue.AlwaysValidLift.High - lastRevenue.AlwaysValidLift.Low) / 2, "revenue always-valid half-width");

        var segment = reference.GetProperty("segment_DE");
        var de = readout.Segments!.Values.Single(v => v.Value == "DE");
        Assert.Equal(segment.GetProperty("units").GetInt64(), de.Units);
        var deConversion = de.Comparisons.Single(c => c.Treatment == treatment && c.Metric == "converted");
        Close(segment.D("z"), deConversion.Test.Statistic, "segment DE z");
        Close(segment.D("p"), deConversion.Test.PValue, "segment DE p");
    }

    [Fact]
    public void PowerAnalysis_ReferenceCases_MatchNormalIndPower()
    {
        foreach (var c in Json("power").EnumerateArray())
        {
            var kind = c.GetProperty("kind").GetString();
            double alpha = c.D("alpha"), power = c.D("power");
            switch (kind)
            {
                case "proportion_mde":
                    var mde = PowerAnalysis.ProportionMinimumDetectableEffect(c.D("n"), c.D("baseline"), alpha, power);
                    Close(c.D("h"), mde.EffectSizeH, "Cohen's h");
                    Close(c.D("treatment_rate"), mde.TreatmentRate, "treatment rate at MDE");
                    break;
                case "proportion_n":
                    var n = PowerAnalysis.ProportionSampleSize(c.D("baseline"), c.D("mde"), alpha, power);
                    Close(c.D("n"), n.Exact, "units per arm (proportion)");
                    Assert.Equal((long)Math.Ceiling(c.D("n")), n.UnitsPerArm);
                    break;
                case "mean_mde":
                    Close(c.D("mde"), PowerAnalysis.MeanMinimumDetectableEffect(c.D("n"), c.D("sd"), alpha, power), "mean MDE");
                    break;
                case "mean_n":
                    Close(c.D("n"), PowerAnalysis.MeanSampleSize(c.D("sd"), c.D("mde"), alpha, power).Exact, "units per arm (mean)");
                    break;
                default:
                    Assert.Fail($"unknown case {kind}");
                    break;
            }
        }
    }

    private static void CloseInterval(JsonElement expected, string valueProperty, IntervalEstimate actual, string what)
    {
        Close(expected.D(valueProperty), actual.Value, $"{what} estimate");
        Close(expected.D("low"), actual.Low, $"{what} low");
        Close(expected.D("high"), actual.High, $"{what} high");
    }
}
