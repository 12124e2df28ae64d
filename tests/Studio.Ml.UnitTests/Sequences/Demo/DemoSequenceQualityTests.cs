using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Evaluation;
using Xunit.Abstractions;

namespace Studio.Ml.UnitTests.Sequences.Demo;

/// <summary>The quality bars on the generator's data with its truth file (the committed retail demo).</summary>
public sealed class DemoSequenceQualityTests(DemoSequencesFixture fixture, ITestOutputHelper output) : IClassFixture<DemoSequencesFixture>
{
    [Fact]
    public void TargetAttention_RetailDemo_BeatsMeanPoolingOnTestAuc()
    {
        var attention = fixture.Attention.TestMetrics;
        var mean = fixture.MeanPooling.TestMetrics;
        output.WriteLine($"test AUC attention {attention[MetricNames.Auc]:F4} mean pooling {mean[MetricNames.Auc]:F4}; log loss {attention[MetricNames.LogLoss]:F4} vs {mean[MetricNames.LogLoss]:F4}");

        Assert.True(attention[MetricNames.Auc] > mean[MetricNames.Auc], $"attention AUC {attention[MetricNames.Auc]:F4} should beat mean pooling {mean[MetricNames.Auc]:F4}");
        Assert.True(attention[MetricNames.LogLoss] < mean[MetricNames.LogLoss]);
    }

    [Fact]
    public void TargetAttention_RetailDemoTargetsOfTriggers_TriggerEventsGetAtLeastThreeTimesTheOtherWeight()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);

        var summary = PairAttention.Measure(explainer, fixture.Data.Histories, fixture.Pairs, tail: 3);

        output.WriteLine($"{summary.Sequences} sequences: trigger weight {summary.MeanTriggerWeight:F4}, other {summary.MeanOtherWeight:F4}, ratio {summary.Ratio:F2}, lift ratio {summary.LiftRatio:F2}");
        Assert.Equal(20, fixture.Pairs.Count);
        Assert.True(summary.Sequences >= 300, $"only {summary.Sequences} sequences end in a planted target after its trigger");
        Assert.True(summary.Ratio >= 3, $"trigger / other attention {summary.Ratio:F2} should be at least 3");
        Assert.True(summary.LiftRatio >= 3, $"trigger / other attention x length {summary.LiftRatio:F2} should be at least 3");
    }

    [Fact]
    public void MeanPooling_RetailDemoTargetsOfTriggers_TriggerEventsGetNoExtraWeight()
    {
        var explainer = new AttentionExplainer(fixture.MeanPooling.Model, fixture.Data.Histories);

        var summary = PairAttention.Measure(explainer, fixture.Data.Histories, fixture.Pairs, tail: 3);

        Assert.Equal(1.0, summary.LiftRatio, 1e-4);
    }

    [Fact]
    public void Ranking_RetailDemo_AttentionAndMeanPoolingBeatPopularity()
    {
        var attention = fixture.Attention.TestMetrics;
        var mean = fixture.MeanPooling.TestMetrics;
        var popularity = fixture.Attention.PopularityMetrics;
        var hr = RankingMetrics.HitRateName(10);
        var ndcg = RankingMetrics.NdcgName(10);
        output.WriteLine($"HR@10 {attention[hr]:F4} / {mean[hr]:F4} / {popularity[hr]:F4}; NDCG@10 {attention[ndcg]:F4} / {mean[ndcg]:F4} / {popularity[ndcg]:F4}; MRR {attention[RankingMetrics.Mrr]:F4} / {mean[RankingMetrics.Mrr]:F4} / {popularity[RankingMetrics.Mrr]:F4} (attention / mean pooling / popularity)");

        Assert.Equal(1000, attention[RankingMetrics.RankedTargets]);
        Assert.True(attention[hr] > 1.3 * popularity[hr]);
        Assert.True(attention[ndcg] > 1.3 * popularity[ndcg]);
        Assert.True(mean[ndcg] > popularity[ndcg]);
        Assert.True(attention[ndcg] > mean[ndcg], "the planted triggers should lift attention's ranking above mean pooling's");
    }
}
