using System.Globalization;

namespace Studio.Ml.Sequences.Evaluation;

/// <summary>
/// Next-item ranking metrics from the 1-based rank of the actual next item among all candidates.
/// Protocol used by the trainer: full ranking over the whole catalogue (every item, including ones the customer
/// already interacted with), one target per test context; ties count against the target (pessimistic rank).
/// </summary>
public static class RankingMetrics
{
    public const string Mrr = "mrr";
    public const string RankedTargets = "ranked_targets";

    public static string HitRateName(int k) => string.Create(CultureInfo.InvariantCulture, $"hr@{k}");

    public static string NdcgName(int k) => string.Create(CultureInfo.InvariantCulture, $"ndcg@{k}");

    /// <summary>1 + the number of other candidates scoring at least as high as the target.</summary>
    public static int Rank(ReadOnlySpan<float> scores, int target)
    {
        var rank = 1;
        var own = scores[target];
        for (var i = 0; i < scores.Length; i++)
        {
            if (i != target && !(scores[i] < own))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>Share of targets ranked within the top k.</summary>
    public static double HitRate(IReadOnlyList<int> ranks, int k) => Mean(ranks, r => r <= k ? 1 : 0);

    /// <summary>With one relevant item the ideal DCG is 1, so NDCG@k = 1 / log2(rank + 1) within the top k, else 0.</summary>
    public static double Ndcg(IReadOnlyList<int> ranks, int k) => Mean(ranks, r => r <= k ? 1 / Math.Log2(r + 1) : 0);

    /// <summary>Mean of 1 / rank over the full ranking (not truncated at k).</summary>
    public static double MeanReciprocalRank(IReadOnlyList<int> ranks) => Mean(ranks, r => 1.0 / r);

    public static Dictionary<string, double> Summarize(IReadOnlyList<int> ranks, int k)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        return new Dictionary<string, double>
        {
            [HitRateName(k)] = HitRate(ranks, k),
            [NdcgName(k)] = Ndcg(ranks, k),
            [Mrr] = MeanReciprocalRank(ranks),
            [RankedTargets] = ranks.Count,
        };
    }

    private static double Mean(IReadOnlyList<int> ranks, Func<int, double> gain)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        if (ranks.Any(r => r < 1))
        {
            throw new ArgumentException("Ranks are 1-based.", nameof(ranks));
        }

        return ranks.Count == 0 ? double.NaN : ranks.Sum(gain) / ranks.Count;
    }
}
