using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>Simulated experiments (fixed seeds) with known true lifts.</summary>
public class PlantedLiftTests
{
    private static readonly SyntheticArm Control = new("control", 1, 0.10, 40);
    private static readonly SyntheticArm Better = new("better", 1, 0.112, 42);
    private static readonly SyntheticArm Same = new("same", 1, 0.10, 40);

    private static readonly Lazy<(ExperimentLog Log, ExperimentReadout Readout)> Healthy = new(() =>
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("healthy", 240_000, [Control, Better, Same], Seed: 7));
        var spec = new ExperimentSpec("healthy", "control", new Dictionary<string, double> { ["control"] = 1, ["better"] = 1, ["same"] = 1 })
        {
            SegmentAttribute = SyntheticExperimentSpec.SegmentAttribute,
        };
        return (log, new ExperimentAnalyzer().Analyze(log, spec));
    });

    [Fact]
    public void Analyze_HealthyExperiment_TrueLiftsInsideTheir95PercentIntervals()
    {
        var readout = Healthy.Value.Readout;
        foreach (var arm in new[] { Better, Same })
        {
            var conversion = readout.Comparison(arm.Variant, "converted")!;
            var revenue = readout.Comparison(arm.Variant, "revenue")!;
            Assert.True(conversion.AbsoluteLift.Contains(arm.ConversionRate - Control.ConversionRate), $"{arm.Variant} conversion {conversion.AbsoluteLift}");
            Assert.True(conversion.RelativeLift.Contains(arm.ConversionRate / Control.ConversionRate - 1), $"{arm.Variant} relative {conversion.RelativeLift}");
            Assert.True(revenue.AbsoluteLift.Contains(arm.TrueMeanRevenue - Control.TrueMeanRevenue), $"{arm.Variant} revenue {revenue.AbsoluteLift}");
            Assert.True(revenue.RelativeLift.Contains(arm.TrueMeanRevenue / Control.TrueMeanRevenue - 1), $"{arm.Variant} revenue relative {revenue.RelativeLift}");
            Assert.True(conversion.Cuped!.AbsoluteLift.Contains(arm.ConversionRate - Control.ConversionRate), $"{arm.Variant} CUPED {conversion.Cuped.AbsoluteLift}");
        }

        Assert.False(readout.SrmFlagged);
        Assert.True(readout.CanShip);
        Assert.Empty(readout.ShipBlockers);
    }

    [Fact]
    public void Analyze_HealthyExperiment_DetectsPlantedWinnerOnly()
    {
        var readout = Healthy.Value.Readout;
        var winner = readout.Comparison("better", "converted")!;
        var null_ = readout.Comparison("same", "converted")!;
        Assert.True(winner.Significant);
        Assert.True(winner.AdjustedPValue >= winner.Test.PValue);
        Assert.True(winner.Bayesian.ProbabilityToBeatControl > 0.99);
        Assert.True(winner.Bayesian.ExpectedLossTreatment < winner.Bayesian.ExpectedLossControl);
        Assert.False(null_.Significant);
        Assert.InRange(null_.Bayesian.ProbabilityToBeatControl, 0.01, 0.99);
    }

    [Fact]
    public void Analyze_CovariateDrivesConversion_CupedReducesVariance()
    {
        var cuped = Healthy.Value.Readout.Comparison("better", "converted")!.Cuped!;
        var raw = Healthy.Value.Readout.Comparison("better", "converted")!.AbsoluteLift;
        Assert.InRange(cuped.VarianceReduction, 0.01, 0.5);
        Assert.True(cuped.AbsoluteLift.High - cuped.AbsoluteLift.Low < raw.High - raw.Low);
        Assert.True(cuped.Theta > 0);
    }

    [Fact]
    public void Timeline_HealthyExperiment_AlwaysValidIntervalsCoverTruthEveryDayAndAreWider()
    {
        var readout = Healthy.Value.Readout;
        var points = readout.Timeline.Where(p => p.Treatment == "better" && p.Metric == "converted").ToList();
        Assert.Equal(14, points.Count);
        Assert.Equal(DateOnly.FromDateTime(SyntheticExperimentSpec.Start.UtcDateTime), points[0].Day);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.TreatmentUnits < p.Second.TreatmentUnits));
        Assert.All(points, p =>
        {
            Assert.True(p.AlwaysValidLift.Contains(Better.ConversionRate - Control.ConversionRate), $"{p.Day}: {p.AlwaysValidLift}");
            Assert.True(p.AlwaysValidLift.Low < p.Lift.Low && p.AlwaysValidLift.High > p.Lift.High);
        });
        Assert.Equal(readout.Arms[1].Units, points[^1].TreatmentUnits);
    }

    [Fact]
    public void Segments_ThirtyValues_TopTwentyAndOtherAddUp()
    {
        var readout = Healthy.Value.Readout;
        var segments = readout.Segments!;
        Assert.Equal(21, segments.Values.Count);
        Assert.Equal(10, segments.GroupedValueCount);
        Assert.Equal(SegmentBreakdown.OtherValue, segments.Values[^1].Value);
        Assert.Equal(readout.RowsAnalysed, segments.Values.Sum(v => v.Units));
        Assert.True(segments.Values.Take(20).Zip(segments.Values.Skip(1).Take(19)).All(p => p.First.Units >= p.Second.Units));
        Assert.All(segments.Values, v => Assert.Equal(4, v.Comparisons.Count));
    }

    [Fact]
    public void Analyze_AssignmentSkewedAgainstIntendedSplit_FlagsSrmAndBlocksShipping()
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("skewed", 50_000, [Control with { Weight = 0.52 }, Better with { Weight = 0.48 }], Seed: 3));
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("skewed", "control", new Dictionary<string, double> { ["control"] = 1, ["better"] = 1 }));
        Assert.True(readout.SrmFlagged);
        Assert.True(readout.Srm.PValue < 0.001);
        Assert.False(readout.CanShip);
        Assert.StartsWith("Sample ratio mismatch", Assert.Single(readout.ShipBlockers), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UnequalIntendedSplitMatched_NotFlagged()
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("unequal", 50_000, [Control with { Weight = 0.7 }, Better with { Weight = 0.3 }], Seed: 5));
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("unequal", "control", new Dictionary<string, double> { ["control"] = 70, ["better"] = 30 }));
        Assert.False(readout.SrmFlagged);
        Assert.Equal(0.7, readout.Arms[0].IntendedShare, 12);
        Assert.InRange(readout.Arms[0].ObservedShare, 0.69, 0.71);
    }

    [Fact]
    public void Analyze_Winsorized99_CapsRevenueAndShrinksSpread()
    {
        var log = Healthy.Value.Log;
        var spec = new ExperimentSpec("healthy", "control") { Winsorization = new WinsorizationSpec(99) };
        var capped = new ExperimentAnalyzer().Analyze(log, spec);
        var cap = Assert.Single(capped.Winsorization!.Caps["revenue"].Distinct());
        Assert.True(cap > 0);
        var plain = Healthy.Value.Readout;
        for (var a = 0; a < 3; a++)
        {
            Assert.True(capped.Arms[a].Metric("revenue")!.StandardDeviation < plain.Arms[a].Metric("revenue")!.StandardDeviation);
            Assert.True(capped.Arms[a].Metric("revenue")!.Estimate.Value < plain.Arms[a].Metric("revenue")!.Estimate.Value);
        }
    }
}
