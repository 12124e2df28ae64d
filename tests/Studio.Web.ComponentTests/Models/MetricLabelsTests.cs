using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class MetricLabelsTests
{
    [Theory]
    [InlineData("hr@10", "HR@10")]
    [InlineData("ndcg@5", "NDCG@5")]
    [InlineData("mrr", "MRR")]
    [InlineData("popularity_hr@10", "Popularity HR@10")]
    [InlineData("auc", "AUC")]
    [InlineData("ranked_targets", "Ranked test targets")]
    public void Label_RankingAndBaselineKeys_ReadableNames(string key, string expected) => Assert.Equal(expected, MetricLabels.Label(key));
}
