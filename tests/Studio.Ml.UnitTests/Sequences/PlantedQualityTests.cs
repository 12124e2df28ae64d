using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Evaluation;
using Xunit.Abstractions;

namespace Studio.Ml.UnitTests.Sequences;

/// <summary>The quality bars on planted data: attention beats mean pooling and finds the trigger events.</summary>
public sealed class PlantedQualityTests(PlantedModelsFixture fixture, ITestOutputHelper output) : IClassFixture<PlantedModelsFixture>
{
    [Fact]
    public void TargetAttention_PlantedTriggers_BeatsMeanPoolingOnTestAuc()
    {
        var attention = fixture.Attention.TestMetrics[MetricNames.Auc];
        var mean = fixture.MeanPooling.TestMetrics[MetricNames.Auc];
        output.WriteLine($"test AUC attention {attention:F4} mean pooling {mean:F4}; log loss {fixture.Attention.TestMetrics[MetricNames.LogLoss]:F4} vs {fixture.MeanPooling.TestMetrics[MetricNames.LogLoss]:F4}");
        Assert.True(attention > mean, $"attention AUC {attention:F4} should beat mean pooling {mean:F4}");
        Assert.True(attention > 0.75, $"attention AUC {attention:F4} should be well above chance");
    }

    [Fact]
    public void TargetAttention_PlantedTriggers_BeatsPopularityOnFullRanking()
    {
        var k = PlantedModelsFixture.AttentionSpec.RankingCutoff;
        var model = fixture.Attention.TestMetrics;
        var popularity = fixture.Attention.PopularityMetrics;
        output.WriteLine($"HR@{k} {model[RankingMetrics.HitRateName(k)]:F4} vs {popularity[RankingMetrics.HitRateName(k)]:F4}; NDCG@{k} {model[RankingMetrics.NdcgName(k)]:F4} vs {popularity[RankingMetrics.NdcgName(k)]:F4}; MRR {model[RankingMetrics.Mrr]:F4} vs {popularity[RankingMetrics.Mrr]:F4}");
        Assert.Equal(400, model[RankingMetrics.RankedTargets]);
        Assert.True(model[RankingMetrics.NdcgName(k)] > popularity[RankingMetrics.NdcgName(k)]);
        Assert.True(model[RankingMetrics.Mrr] > popularity[RankingMetrics.Mrr]);
    }

    [Fact]
    public void TargetAttention_TargetsOfPlantedTriggers_TriggerEventsGetAtLeastThreeTimesTheOtherWeight()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);
        var summary = PairAttention.Measure(explainer, fixture.Data.Histories, PlantedSequences.PairNames(), tail: 3, triggerEventType: "purchase");
        var (sequences, ratio) = (summary.Sequences, summary.Ratio);
        output.WriteLine($"{sequences} sequences: mean weight on trigger events {summary.MeanTriggerWeight:F4}, on others {summary.MeanOtherWeight:F4}, ratio {ratio:F2}");
        Assert.True(sequences >= 50, $"only {sequences} planted sequences");
        Assert.True(ratio >= 3, $"trigger / other attention ratio {ratio:F2} should be at least 3");
    }
}
