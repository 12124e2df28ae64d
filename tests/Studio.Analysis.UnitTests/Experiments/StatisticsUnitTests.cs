using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.UnitTests.Experiments;

public class StatisticsUnitTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(37.5)]
    [InlineData(90)]
    [InlineData(99)]
    [InlineData(100)]
    public void Percentile_RandomValues_EqualsSortedLinearInterpolation(double percentile)
    {
        var random = new Random(1);
        var values = Enumerable.Range(0, 1001).Select(_ => Math.Round(random.NextDouble() * 50, 1)).ToArray();
        var sorted = values.Order().ToArray();
        var position = percentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var expected = low + 1 < sorted.Length ? sorted[low] + (position - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
        Assert.Equal(expected, Percentile.OfInPlace(values, percentile), 12);
    }

    [Fact]
    public void MultipleTesting_NaNEntries_StayNaNAndDoNotCount()
    {
        var holm = MultipleTesting.Holm([0.01, double.NaN, 0.04]);
        Assert.Equal(0.02, holm[0], 12);
        Assert.True(double.IsNaN(holm[1]));
        Assert.Equal(0.04, holm[2], 12);
        var bh = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03]);
        Assert.Equal([0.03, 0.04, 0.04], bh.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void PowerAnalysis_SampleSizeForMde_GivesBackThatMde()
    {
        var n = PowerAnalysis.ProportionSampleSize(0.05, 0.005, 0.05, 0.8);
        var mde = PowerAnalysis.ProportionMinimumDetectableEffect(n.Exact, 0.05, 0.05, 0.8);
        Assert.Equal(0.005, mde.AbsoluteMde, 9);
        Assert.Equal(0.1, mde.RelativeMde, 7);
        Assert.Equal(0.8, PowerAnalysis.Power(PowerAnalysis.CohensH(0.055, 0.05), n.Exact, 0.05), 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerAnalysis.ProportionSampleSize(0.05, 0, 0.05, 0.8));
    }

    [Fact]
    public void SequentialIntervals_GrowingSample_ShrinkTowardsFixedWidthRatio()
    {
        var early = SequentialIntervals.HalfWidth(1.0 / 1000, 1000, 0.05, 5000);
        var late = SequentialIntervals.HalfWidth(1.0 / 100_000, 100_000, 0.05, 5000);
        var z = Distributions.NormalQuantile(0.975);
        Assert.True(early > z * Math.Sqrt(1.0 / 1000));
        Assert.True(late > z * Math.Sqrt(1.0 / 100_000));
        Assert.True(late < early);
    }

    [Fact]
    public void BetaBinomial_IdenticalArms_ProbabilityOneHalfAndEqualLosses()
    {
        var result = BayesianComparison.BetaBinomial(120, 1000, 120, 1000);
        Assert.Equal(0.5, result.ProbabilityToBeatControl, 9);
        Assert.Equal(result.ExpectedLossControl, result.ExpectedLossTreatment, 12);
        var large = BayesianComparison.BetaBinomial(505_000, 5_000_000, 500_000, 5_000_000);
        Assert.InRange(large.ProbabilityToBeatControl, 0.9999, 1);
    }

    [Fact]
    public void Spec_Defaults_AreTheDocumentedOnes()
    {
        var spec = new ExperimentSpec("x", "control");
        Assert.Equal(0.05, spec.Alpha);
        Assert.Equal(0.001, spec.SrmThreshold);
        Assert.Equal(MissingOutcomePolicy.Refuse, spec.MissingOutcomes);
        Assert.Equal(20, spec.TopSegmentValues);
        Assert.False(spec.ExcludeContaminatedUnits);
    }
}
