using Studio.Analysis.Profiling;

namespace Studio.Analysis.UnitTests.Profiling;

/// <summary>Expected numbers are worked by hand (type-7 quantiles: h = (n − 1)p).</summary>
public sealed class NumericStatisticsTests
{
    [Fact]
    public void Summarise_FiveValuesWithOneFarOff_HandComputedNumbers()
    {
        var s = NumericStatistics.Summarise([1, 2, 3, 4, 100]);
        Assert.Equal(1, s.Min);
        Assert.Equal(100, s.Max);
        Assert.Equal(22, s.Mean, 12);
        Assert.Equal(Math.Sqrt(7610 / 4.0), s.StdDev, 12);
        Assert.Equal(new Quantiles(1.04, 1.2, 2, 3, 4, 80.8, 96.16), s.Quantiles with
        {
            P1 = Math.Round(s.Quantiles.P1, 10), P5 = Math.Round(s.Quantiles.P5, 10),
            P95 = Math.Round(s.Quantiles.P95, 10), P99 = Math.Round(s.Quantiles.P99, 10),
        });
        Assert.Equal(-1, s.IqrLowerFence);
        Assert.Equal(7, s.IqrUpperFence);
        Assert.Equal(1, s.IqrOutlierCount);
        Assert.Equal(0, s.ZScoreOutlierCount); // z(100) = 78 / 43.62 = 1.79
    }

    [Fact]
    public void Summarise_NineteenTensAndOneHundred_OneZScoreOutlier()
    {
        double[] values = [.. Enumerable.Repeat(10.0, 19), 100];
        var s = NumericStatistics.Summarise(values);
        Assert.Equal(14.5, s.Mean, 12);
        Assert.Equal(Math.Sqrt(405), s.StdDev, 12); // squares 19·4.5² + 85.5² = 7695; /19
        Assert.Equal(1, s.ZScoreOutlierCount); // z = 85.5 / 20.12 = 4.25
        Assert.Equal(1, s.IqrOutlierCount);
    }

    [Fact]
    public void Summarise_SingleValue_ZeroStdAndNoOutliers()
    {
        var s = NumericStatistics.Summarise([5]);
        Assert.Equal(0, s.StdDev);
        Assert.Equal(5, s.Quantiles.P99);
        Assert.Equal(0, s.ZScoreOutlierCount);
    }

    [Fact]
    public void Histogram_SmallIntegerRange_OneBinPerInteger()
    {
        var h = NumericStatistics.Histogram([1, 2, 2, 3], wholeNumbers: true);
        Assert.Equal([0.5, 1.5, 2.5, 3.5], h.Edges);
        Assert.Equal([1L, 2L, 1L], h.Counts);
        Assert.Equal([1.0, 2.0, 3.0], h.Centers);
    }

    [Fact]
    public void Histogram_Decimals_SturgesBinsLastIncludesMax()
    {
        var h = NumericStatistics.Histogram([0, 1, 2, 3, 4, 10], wholeNumbers: false);
        Assert.Equal([0, 2.5, 5, 7.5, 10], h.Edges);
        Assert.Equal([3L, 2L, 0L, 1L], h.Counts);
    }
}
