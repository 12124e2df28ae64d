using System.Text.Json;
using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Evaluation;
using Xunit.Abstractions;

namespace Studio.Ml.UnitTests.Sequences;

/// <summary>On planted data: the quality bars (attention beats mean pooling and finds the triggers), the explainer, checkpoints.</summary>
public sealed class PlantedModelTests(PlantedModelsFixture fixture, ITestOutputHelper output) : IClassFixture<PlantedModelsFixture>
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

    [Fact]
    public void Explain_CustomerAndCandidate_LastTEventsOldestFirstWeightsSumToOne()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);

        var explained = explainer.Explain(PlantedSequences.Customer(7), PlantedSequences.Item(12));

        Assert.Equal(PlantedModelsFixture.AttentionSpec.MaxLength, explained.Events.Count);
        Assert.Equal(Enumerable.Range(1, 10).Reverse(), explained.Events.Select(e => e.Recency));
        Assert.True(explained.Events.Zip(explained.Events.Skip(1)).All(p => p.First.Timestamp < p.Second.Timestamp));
        Assert.Equal(1.0, explained.Events.Sum(e => e.Weight), 1e-5);
        Assert.Equal("cat0", explained.CandidateCategory);
        Assert.InRange(explained.Probability, 0, 1);
        Assert.Equal("< 1 hour", explained.Events[^1].TimeGap);
    }

    [Fact]
    public void Explain_BeforeTheSecondEvent_OneEventWithAllTheWeight()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);
        var rows = Enumerable.Range(0, fixture.Log.Count).Where(r => fixture.Log.CustomerIds[r] == "c3").ToList();

        var explained = explainer.Explain("c3", PlantedSequences.Item(0), before: fixture.Log.Timestamps[rows[1]]);

        var only = Assert.Single(explained.Events);
        Assert.Equal(1.0, only.Weight, 1e-6);
        Assert.Equal(fixture.Log.ItemIds[rows[0]], only.ItemId);
    }

    [Fact]
    public void TopCandidates_Customer_SortedByProbabilityEachWithItsHeaviestEvents()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);

        var top = explainer.TopCandidates(PlantedSequences.Customer(7), count: 5, eventsPerCandidate: 3);

        Assert.Equal(5, top.Count);
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
        foreach (var candidate in top)
        {
            Assert.Equal(3, candidate.TopEvents.Count);
            Assert.True(candidate.TopEvents.Zip(candidate.TopEvents.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
            var single = explainer.Explain(PlantedSequences.Customer(7), candidate.ItemId);
            Assert.Equal(single.Probability, candidate.Probability, 1e-5);
            Assert.Equal(single.Events.Max(e => e.Weight), candidate.TopEvents[0].Weight, 1e-6);
        }
    }

    [Fact]
    public void Aggregate_AllCustomers_EachSequenceAddsUpToOneAndPurchasesDrawMoreThanViews()
    {
        var explainer = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories);

        var aggregates = explainer.Aggregate(maxCustomers: 500);

        Assert.Equal(500, aggregates.Sequences);
        Assert.Equal(Enumerable.Range(1, 10).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), aggregates.ByRecency.Select(r => r.Key));
        Assert.Equal(500.0, aggregates.ByRecency.Sum(r => r.MeanWeight * r.Positions), 1e-2);
        Assert.Equal(500.0, aggregates.ByEventType.Sum(r => r.MeanWeight * r.Positions), 1e-2);
        Assert.Equal(500.0, aggregates.ByCategoryPair.Sum(r => r.MeanWeight * r.Positions), 1e-2);
        Assert.Equal(36, aggregates.ByCategoryPair.Count);
        var lift = aggregates.ByEventType.ToDictionary(r => r.Key, r => r.MeanLift);
        output.WriteLine(string.Join(", ", lift.Select(p => $"{p.Key} {p.Value:F3}")));
        Assert.True(lift["purchase"] > lift["view"], "planted triggers are purchases");
    }

    [Fact]
    public void MeanPooling_Explain_UniformWeights()
    {
        var explainer = new AttentionExplainer(fixture.MeanPooling.Model, fixture.Data.Histories);

        var explained = explainer.Explain(PlantedSequences.Customer(2), PlantedSequences.Item(3));

        Assert.All(explained.Events, e => Assert.Equal(0.1, e.Weight, 1e-6));
    }

    [Fact]
    public void Checkpoint_SaveAndLoad_SameProbabilitiesAndWeights()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seq-{Guid.NewGuid():N}.zip");
        try
        {
            SequenceCheckpoint.Save(fixture.Attention.Model, path);
            using var loaded = SequenceCheckpoint.Load(path);
            var before = new AttentionExplainer(fixture.Attention.Model, fixture.Data.Histories).Explain("c9", PlantedSequences.Item(15));
            var after = new AttentionExplainer(loaded, loaded.HistoriesOf(fixture.Log)).Explain("c9", PlantedSequences.Item(15));

            Assert.Equal(before.Probability, after.Probability);
            Assert.Equal(before.Events.Select(e => e.Weight), after.Events.Select(e => e.Weight));
            Assert.Equal(JsonSerializer.Serialize(fixture.Attention.Model.Spec), JsonSerializer.Serialize(loaded.Spec));
            Assert.Equal(fixture.Attention.Model.Vocabulary.Items, loaded.Vocabulary.Items);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
