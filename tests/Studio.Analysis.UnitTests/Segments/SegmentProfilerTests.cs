using Studio.Analysis.Segments;

namespace Studio.Analysis.UnitTests.Segments;

public sealed class SegmentProfilerTests
{
    private static readonly CustomerTable Table = SegmentTestTable.Create();
    private static readonly bool[] NorthOfFirstThree = [true, false, true, false, true, false];

    [Fact]
    public void Profile_SizeShareAndSpend_MatchHandComputation()
    {
        var profile = SegmentProfiler.Profile(Table, NorthOfFirstThree, "monetary");
        Assert.Equal(3, profile.Size);
        Assert.Equal(6, profile.BaseSize);
        Assert.Equal(0.5, profile.Share, 12);
        Assert.NotNull(profile.Spend);
        Assert.Equal(750, profile.Spend.Sum, 9); // 500 + 200 + 50
        Assert.Equal(250, profile.Spend.Mean, 9);
        Assert.Equal(1150.0 / 6, profile.Spend.BaseMean, 9);
        Assert.Equal(750.0 / 1150, profile.Spend.ShareOfTotal, 9);
    }

    [Fact]
    public void Profile_NumericMeans_SkipMissingAndStandardizeByBaseSd()
    {
        var age = SegmentProfiler.Profile(Table, NorthOfFirstThree).Numeric.Single(n => n.Column == "age");
        Assert.Equal(30, age.SegmentMean, 9); // 20, 40, (missing)
        Assert.Equal(40, age.BaseMean, 9); // 20..60 without the missing
        Assert.Equal(1, age.SegmentMissing);
        var baseSd = Math.Sqrt((400 + 100 + 0 + 100 + 400) / 4.0);
        Assert.Equal((30 - 40) / baseSd, age.EffectSize, 9);
    }

    [Fact]
    public void Profile_TopCategories_ShareAndBaseShare()
    {
        var region = SegmentProfiler.Profile(Table, NorthOfFirstThree).Categories.Single(c => c.Column == "region");
        var north = Assert.Single(region.Top);
        Assert.Equal("north", north.Value);
        Assert.Equal(3, north.Count);
        Assert.Equal(1.0, north.Share, 12);
        Assert.Equal(0.5, north.BaseShare, 12);
        Assert.Equal(2.0, north.Lift, 12);
    }

    [Fact]
    public void Profile_Scores_HistogramCountsSegmentAndBase()
    {
        double[] scores = [0.91, 0.12, 0.48, double.NaN, 0.52, 1.0];
        var histogram = SegmentProfiler.Profile(Table, NorthOfFirstThree, scores: scores).Propensity;
        Assert.NotNull(histogram);
        Assert.Equal(21, histogram.Edges.Count);
        Assert.Equal(5, histogram.Base.Sum());
        Assert.Equal(3, histogram.Segment.Sum());
        Assert.Equal(1, histogram.Segment[18]); // 0.91 in [0.90, 0.95)
        Assert.Equal(1, histogram.Base[19]); // 1.0 in the closed last bin
        Assert.Equal((0.91 + 0.48 + 0.52) / 3, histogram.SegmentMean, 12);
    }

    [Fact]
    public void Compare_TwoSegments_OverlapJaccardAndEffectSizes()
    {
        bool[] a = [true, true, true, false, false, false];
        bool[] b = [false, false, true, true, false, true];
        var comparison = SegmentComparer.Compare(Table, a, b);
        Assert.Equal(3, comparison.SizeA);
        Assert.Equal(3, comparison.SizeB);
        Assert.Equal(1, comparison.Overlap);
        Assert.Equal(0.2, comparison.Jaccard, 12);
        var age = comparison.Numeric.Single(n => n.Column == "age");
        Assert.Equal(30, age.MeanA, 9);
        Assert.Equal(50, age.MeanB, 9);
        Assert.Equal(-2.0, age.CohensD, 9); // pooled SD 10 (both groups SD 10)
        var northDifference = comparison.Categories.Single(c => c.Column == "region" && c.Value == "north");
        Assert.Equal(SegmentComparer.CohensH(2.0 / 3, 1.0 / 3), northDifference.CohensH, 12);
    }
}
