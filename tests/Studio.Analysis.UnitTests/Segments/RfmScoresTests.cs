using Studio.Analysis.Segments;

namespace Studio.Analysis.UnitTests.Segments;

public sealed class RfmScoresTests
{
    [Fact]
    public void Quintiles_TenDistinctHigherBetter_TwoPerScore() =>
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], RfmScores.Quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], higherIsBetter: true));

    [Fact]
    public void Quintiles_RecencyLowerBetter_Reversed() =>
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], RfmScores.Quintiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], higherIsBetter: false));

    [Fact]
    public void Quintiles_Ties_ShareTheScoreOfTheirRank() =>
        // four 5s have one value below them (1/5 of the rows) → score 2; the 1 has none → score 1
        Assert.Equal([2, 2, 2, 2, 1], RfmScores.Quintiles([5, 5, 5, 5, 1], higherIsBetter: true));

    [Fact]
    public void Quintiles_MissingValue_ScoresOneAndIsNotRanked() =>
        // present values 5 and 10: 10 has one of two below it → 1 + floor(2.5) = 3
        Assert.Equal([3, 1, 1], RfmScores.Quintiles([10, double.NaN, 5], higherIsBetter: true));

    [Fact]
    public void Compute_CustomerTable_RecencyMissingIsWorst()
    {
        var recency = RfmScores.Compute(SegmentTestTable.Create(), RfmDimension.Recency);
        // recency 1, 5, 10, 30, 90 (five present) and one missing
        Assert.NotNull(recency);
        Assert.Equal([5, 4, 3, 2, 1, 1], recency);
    }

    [Fact]
    public void Compute_NoColumn_Null()
    {
        var table = new CustomerTable(1, "id", ["a"], []);
        Assert.Null(RfmScores.Compute(table, RfmDimension.Monetary));
    }
}
