using System.Globalization;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Attention;

/// <summary>
/// Reads a trained model's attention for the viewer: one customer and candidate, a customer's top candidates,
/// and aggregates over customers. Histories must be encoded with the model's vocabulary
/// (<see cref="TrainedSequenceModel.HistoriesOf"/>, or the <see cref="SequenceDataset.Histories"/> it was trained on).
/// Not thread-safe, like the model.
/// </summary>
public sealed class AttentionExplainer(TrainedSequenceModel model, CustomerHistories histories)
{
    private const int RowsPerPass = 16_384;
    private readonly SequenceVocabulary _vocabulary = model.Vocabulary;

    /// <summary>
    /// The customer's last T events before <paramref name="before"/> (all events when null) with their weights for
    /// <paramref name="candidateItemId"/>. Time gaps are measured to <paramref name="before"/>, else to the last event.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown customer or item.</exception>
    public CustomerAttention Explain(string customerId, string candidateItemId, DateTime? before = null)
    {
        var item = _vocabulary.ItemIndex(candidateItemId);
        if (item == 0)
        {
            throw new KeyNotFoundException($"Item '{candidateItemId}' is not in the model's catalogue.");
        }

        var (context, at) = ContextOf(customerId, before);
        return Explain(context, at, item);
    }

    /// <summary>The attention for the customer's event number <paramref name="end"/> (its history is the events before it).</summary>
    internal CustomerAttention ExplainEvent(int customer, int end)
    {
        var timeline = histories[customer];
        var at = timeline.Times[end];
        var context = SequenceExamples.Cut(histories, [(customer, end)], model.Spec.MaxLength, model.Spec.Padding, at);
        return Explain(context, at, timeline.Items[end]);
    }

    private CustomerAttention Explain(SequenceExamples context, DateTime at, int item)
    {
        var scored = Score(context, [item]);
        var events = Events(context, scored.Weights, 0);
        var customerId = histories[context.ContextCustomer[0]].CustomerId;
        return new CustomerAttention(customerId, _vocabulary.ItemName(item), _vocabulary.CategoryName(_vocabulary.CategoryOfItem(item)), scored.Probabilities[0], at, events);
    }

    /// <summary>The <paramref name="count"/> most probable catalogue items, each with its top weighted events.</summary>
    public IReadOnlyList<CandidateExplanation> TopCandidates(string customerId, int count = 10, int eventsPerCandidate = 3, DateTime? before = null)
    {
        var (context, _) = ContextOf(customerId, before);
        var items = Enumerable.Range(1, _vocabulary.Items.Count).Select(i => (long)i).ToArray();
        var scored = Score(context, items);
        return Enumerable.Range(0, items.Length)
            .OrderByDescending(i => scored.Probabilities[i]).ThenBy(i => i)
            .Take(count)
            .Select(i => new CandidateExplanation(
                _vocabulary.ItemName((int)items[i]),
                _vocabulary.CategoryName(_vocabulary.CategoryOfItem((int)items[i])),
                scored.Probabilities[i],
                Events(context, scored.Weights, i).OrderByDescending(e => e.Weight).ThenBy(e => e.Recency).Take(eventsPerCandidate).ToList()))
            .ToList();
    }

    /// <summary>Mean attention by event type, recency and (history category, target category) over up to <paramref name="maxCustomers"/> customers.</summary>
    public AttentionAggregates Aggregate(int maxCustomers = 2000)
    {
        var targets = Enumerable.Range(0, histories.Count)
            .Where(c => histories[c].Count >= 2)
            .Take(maxCustomers)
            .Select(c => (c, histories[c].Count - 1))
            .ToList();
        var contexts = SequenceExamples.Cut(histories, targets, model.Spec.MaxLength, model.Spec.Padding);
        contexts.SampleCandidates(_vocabulary, 0, new Random(0));
        var weights = WeightsOfPositives(contexts);
        var byType = new Accumulator<int>();
        var byRecency = new Accumulator<int>();
        var byPair = new Accumulator<(int, int)>();
        var t = contexts.MaxLength;
        for (var c = 0; c < contexts.ContextCount; c++)
        {
            var window = HistoryWindow.Before(contexts.ContextTarget[c], t, model.Spec.Padding);
            var targetCategory = _vocabulary.CategoryOfItem((int)contexts.PositiveItem[c]);
            for (var k = 0; k < window.Length; k++)
            {
                var slot = (c * t) + window.SlotOf(k);
                var weight = weights[slot];
                var lift = weight * window.Length;
                byType.Add((int)contexts.Types[slot], weight, lift);
                byRecency.Add(window.Length - k, weight, lift);
                byPair.Add(((int)contexts.Categories[slot], targetCategory), weight, lift);
            }
        }

        return new AttentionAggregates(
            contexts.ContextCount,
            byType.Rows().Select(r => new AttentionShare(_vocabulary.EventTypeName(r.Key), r.Weight, r.Lift, r.Count)).ToList(),
            byRecency.Rows().Select(r => new AttentionShare(r.Key.ToString(CultureInfo.InvariantCulture), r.Weight, r.Lift, r.Count)).ToList(),
            byPair.Rows().Select(r => new CategoryPairAttention(_vocabulary.CategoryName(r.Key.Item1), _vocabulary.CategoryName(r.Key.Item2), r.Weight, r.Lift, r.Count)).ToList());
    }

    private (SequenceExamples Context, DateTime At) ContextOf(string customerId, DateTime? before)
    {
        if (!histories.TryGetIndex(customerId, out var customer))
        {
            throw new KeyNotFoundException($"Customer '{customerId}' has no events the model knows.");
        }

        var timeline = histories[customer];
        var end = before is { } cut ? timeline.Times.Count(time => time < cut) : timeline.Count;
        var at = before ?? (end > 0 ? timeline.Times[end - 1] : DateTime.MinValue);
        return (SequenceExamples.Cut(histories, [(customer, end)], model.Spec.MaxLength, model.Spec.Padding, at), at);
    }

    private (float[] Probabilities, float[] Weights) Score(SequenceExamples context, long[] items)
    {
        using var tensors = new SequenceTensors(context, histories);
        using var candidates = torch.tensor(items);
        using var categories = torch.tensor(items.Select(i => (long)_vocabulary.CategoryOfItem((int)i)).ToArray());
        using var first = torch.zeros(1, dtype: ScalarType.Int64);
        var network = model.Network;
        network.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var output = network.forward(tensors.Cross(first, candidates, categories));
        return (torch.sigmoid(output.Logits).data<float>().ToArray(), output.Weights.data<float>().ToArray());
    }

    private float[] WeightsOfPositives(SequenceExamples contexts)
    {
        using var tensors = new SequenceTensors(contexts, histories);
        var network = model.Network;
        network.eval();
        using var noGrad = torch.no_grad();
        var t = contexts.MaxLength;
        var weights = new float[contexts.ContextCount * t];
        var perPass = Math.Max(1, RowsPerPass / t);
        for (var start = 0; start < contexts.ContextCount; start += perPass)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(perPass, contexts.ContextCount - start);
            var output = network.forward(tensors.Examples(torch.arange(start, start + length, dtype: ScalarType.Int64)));
            output.Weights.data<float>().CopyTo(weights, start * t);
        }

        return weights;
    }

    /// <summary>The window's events, oldest first, with the weights of candidate row <paramref name="row"/>.</summary>
    private List<AttendedEvent> Events(SequenceExamples context, float[] weights, int row)
    {
        var t = context.MaxLength;
        var timeline = histories[context.ContextCustomer[0]];
        var window = HistoryWindow.Before(context.ContextTarget[0], t, model.Spec.Padding);
        var events = new List<AttendedEvent>(window.Length);
        for (var k = 0; k < window.Length; k++)
        {
            var e = window.Start + k;
            var slot = window.SlotOf(k);
            events.Add(new AttendedEvent(
                window.Length - k,
                timeline.Times[e],
                _vocabulary.ItemName(timeline.Items[e]),
                _vocabulary.CategoryName(timeline.Categories[e]),
                _vocabulary.EventTypeName(timeline.Types[e]),
                TimeGapBuckets.Labels[(int)context.Gaps[slot]],
                weights[(row * t) + slot]));
        }

        return events;
    }

    private sealed class Accumulator<TKey>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, (double Weight, double Lift, long Count)> _sums = [];

        public void Add(TKey key, double weight, double lift)
        {
            var (w, l, n) = _sums.GetValueOrDefault(key);
            _sums[key] = (w + weight, l + lift, n + 1);
        }

        public IEnumerable<(TKey Key, double Weight, double Lift, long Count)> Rows() =>
            _sums.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Weight / p.Value.Count, p.Value.Lift / p.Value.Count, p.Value.Count));
    }
}
