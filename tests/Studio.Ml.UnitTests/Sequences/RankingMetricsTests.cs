using Studio.Ml.Sequences.Evaluation;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class RankingMetricsTests
{
    private static readonly int[] Ranks = [1, 3, 12, 2];

    [Fact]
    public void Summarize_FourRanks_MatchesHandComputedValues()
    {
        var metrics = RankingMetrics.Summarize(Ranks, 10);

        // HR@10: ranks 1, 3, 2 are in the top 10 -> 3/4.
        Assert.Equal(0.75, metrics["hr@10"], 12);

        // NDCG@10: (1/log2(2) + 1/log2(4) + 0 + 1/log2(3)) / 4 = (1 + 0.5 + 0.6309297535714574) / 4.
        Assert.Equal(0.5327324383928644, metrics["ndcg@10"], 12);

        // MRR: (1 + 1/3 + 1/12 + 1/2) / 4 = 23/48.
        Assert.Equal(23.0 / 48.0, metrics[RankingMetrics.Mrr], 12);
        Assert.Equal(4, metrics[RankingMetrics.RankedTargets]);
    }

    [Theory]
    [InlineData(1, 0.25, 0.25)]
    [InlineData(2, 0.5, 0.4077324383928644)]
    [InlineData(3, 0.75, 0.5327324383928644)]
    [InlineData(12, 1.0, 0.6002919769996944)]
    public void HitRateAndNdcg_CutoffK_CountOnlyTheTopK(int k, double hitRate, double ndcg)
    {
        Assert.Equal(hitRate, RankingMetrics.HitRate(Ranks, k), 12);

        // rank 12 adds 1/log2(13) = 0.2082439... / 4 at k = 12.
        Assert.Equal(ndcg, RankingMetrics.Ndcg(Ranks, k), 12);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 3)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public void Rank_TiedScores_CountAgainstTheTarget(int target, int expected)
    {
        float[] scores = [0.1f, 0.5f, 0.5f, 0.9f];

        Assert.Equal(expected, RankingMetrics.Rank(scores, target));
    }

    [Fact]
    public void MeanReciprocalRank_ZeroRank_Throws()
    {
        Assert.Throws<ArgumentException>(() => RankingMetrics.MeanReciprocalRank([1, 0]));
    }

    [Fact]
    public void Summarize_NoRanks_NaN()
    {
        Assert.True(double.IsNaN(RankingMetrics.Summarize([], 10)["hr@10"]));
    }
}
