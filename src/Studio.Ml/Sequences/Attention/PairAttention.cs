using Studio.Ml.Sequences.Data;

namespace Studio.Ml.Sequences.Attention;

/// <summary>Mean attention on events of known trigger items versus the other events of the same sequences.</summary>
/// <remarks>
/// <see cref="Ratio"/> compares raw weights, so even uniform pooling can stray from 1 when trigger events sit in
/// shorter histories; <see cref="LiftRatio"/> compares weight x history length, which is exactly 1 for uniform pooling.
/// </remarks>
public sealed record PairAttentionSummary(
    int Sequences,
    long TriggerEvents,
    long OtherEvents,
    double MeanTriggerWeight,
    double MeanOtherWeight,
    double MeanTriggerLift,
    double MeanOtherLift)
{
    /// <summary>Mean trigger weight over mean other weight; NaN without trigger events.</summary>
    public double Ratio => MeanTriggerWeight / MeanOtherWeight;

    public double LiftRatio => MeanTriggerLift / MeanOtherLift;
}

/// <summary>
/// Checks whether a model attends to known (trigger item → target item) pairs, such as a generator's planted truth
/// or an analyst's cross-sell hypothesis: over the last <c>tail</c> events of each customer whose item is a pair's
/// target and whose history window holds that pair's trigger, it averages the weights on trigger events and on the rest.
/// </summary>
public static class PairAttention
{
    public static PairAttentionSummary Measure(
        AttentionExplainer explainer,
        CustomerHistories histories,
        IEnumerable<(string Trigger, string Target)> pairs,
        int tail = 3,
        string? triggerEventType = null)
    {
        ArgumentNullException.ThrowIfNull(explainer);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(pairs);
        var triggersOf = pairs.GroupBy(p => p.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Trigger).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        double triggerSum = 0, otherSum = 0, triggerLift = 0, otherLift = 0;
        long triggerCount = 0, otherCount = 0;
        var sequences = 0;
        for (var c = 0; c < histories.Count; c++)
        {
            var timeline = histories[c];
            for (var end = Math.Max(1, timeline.Count - tail); end < timeline.Count; end++)
            {
                if (!triggersOf.TryGetValue(histories.Vocabulary.ItemName(timeline.Items[end]), out var triggers))
                {
                    continue;
                }

                var events = explainer.ExplainEvent(c, end).Events;
                var isTrigger = events.Select(e => triggers.Contains(e.ItemId) && (triggerEventType is null || e.EventType == triggerEventType)).ToList();
                if (!isTrigger.Contains(true))
                {
                    continue;
                }

                sequences++;
                for (var i = 0; i < events.Count; i++)
                {
                    if (isTrigger[i])
                    {
                        triggerSum += events[i].Weight;
                        triggerLift += events[i].Weight * events.Count;
                        triggerCount++;
                    }
                    else
                    {
                        otherSum += events[i].Weight;
                        otherLift += events[i].Weight * events.Count;
                        otherCount++;
                    }
                }
            }
        }

        return new PairAttentionSummary(
            sequences,
            triggerCount,
            otherCount,
            triggerCount == 0 ? double.NaN : triggerSum / triggerCount,
            otherCount == 0 ? double.NaN : otherSum / otherCount,
            triggerCount == 0 ? double.NaN : triggerLift / triggerCount,
            otherCount == 0 ? double.NaN : otherLift / otherCount);
    }
}
