using Studio.Ml.Sequences.Data;

namespace Studio.Ml.Sequences.Evaluation;

/// <summary>Ranks every catalogue item by how often it was a training target, for every customer alike.</summary>
public static class PopularityBaseline
{
    /// <summary>Ranks of the actual next item of the first <paramref name="maxTargets"/> contexts of <paramref name="examples"/>.</summary>
    public static int[] Ranks(IReadOnlyList<long> itemFrequency, SequenceExamples examples, int? maxTargets = null)
    {
        ArgumentNullException.ThrowIfNull(itemFrequency);
        ArgumentNullException.ThrowIfNull(examples);
        var scores = itemFrequency.Skip(1).Select(f => (float)f).ToArray();
        var n = Math.Min(examples.ContextCount, maxTargets ?? int.MaxValue);
        var ranks = new int[n];
        for (var c = 0; c < n; c++)
        {
            ranks[c] = RankingMetrics.Rank(scores, (int)examples.PositiveItem[c] - 1);
        }

        return ranks;
    }
}
