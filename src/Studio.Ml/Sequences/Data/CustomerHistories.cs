namespace Studio.Ml.Sequences.Data;

/// <summary>One customer's interactions in time order (ties keep the input order), encoded with the vocabulary.</summary>
internal sealed record CustomerTimeline(string CustomerId, int[] Items, int[] Categories, int[] Types, DateTime[] Times)
{
    public int Count => Items.Length;
}

/// <summary>Mean and standard deviation per customer feature, fitted once and carried by the trained model.</summary>
public sealed record FeatureScaling(IReadOnlyList<string> Names, IReadOnlyList<float> Means, IReadOnlyList<float> Deviations)
{
    public static FeatureScaling Fit(CustomerFeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var width = table.Names.Count;
        var means = new float[width];
        var deviations = new float[width];
        var rows = table.ByCustomer.Values.ToList();
        for (var f = 0; f < width; f++)
        {
            var values = rows.Select(r => (double)r[f]).Where(double.IsFinite).ToList();
            var mean = values.Count == 0 ? 0 : values.Average();
            var variance = values.Count == 0 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / values.Count;
            means[f] = (float)mean;
            deviations[f] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return new FeatureScaling(table.Names, means, deviations);
    }

    public float[] Scale(float[]? raw)
    {
        var scaled = new float[Names.Count];
        for (var f = 0; raw is not null && f < scaled.Length; f++)
        {
            scaled[f] = float.IsFinite(raw[f]) ? (raw[f] - Means[f]) / Deviations[f] : 0f;
        }

        return scaled;
    }
}

/// <summary>
/// Every customer's encoded timeline and standardized features: what training cuts examples from and what the
/// attention explainer reads. Build it from an event log with a trained model's vocabulary to serve that model;
/// events of items the vocabulary does not know are skipped.
/// </summary>
public sealed class CustomerHistories
{
    private readonly IReadOnlyList<CustomerTimeline> _timelines;
    private readonly Dictionary<string, int> _byId;
    private readonly float[][] _features;

    private CustomerHistories(SequenceVocabulary vocabulary, IReadOnlyList<CustomerTimeline> timelines, float[][] features, FeatureScaling? scaling)
    {
        Vocabulary = vocabulary;
        _timelines = timelines;
        _features = features;
        Scaling = scaling;
        _byId = timelines.Select((t, i) => (t.CustomerId, i)).ToDictionary(p => p.CustomerId, p => p.i, StringComparer.Ordinal);
    }

    public SequenceVocabulary Vocabulary { get; }

    public FeatureScaling? Scaling { get; }

    public int FeatureWidth => Scaling?.Names.Count ?? 0;

    public int Count => _timelines.Count;

    /// <summary>Customers in order of first appearance in the log.</summary>
    public IEnumerable<string> CustomerIds => _timelines.Select(t => t.CustomerId);

    internal CustomerTimeline this[int customer] => _timelines[customer];

    public int EventCount(string customerId) => _byId.TryGetValue(customerId, out var i) ? _timelines[i].Count : 0;

    /// <param name="mergeRepeats">
    /// Consecutive events of the same item by the same customer become one interaction (the first event's time, the
    /// last event's type): a view → click → cart funnel of one product is one step, as in session-deduplicated data.
    /// </param>
    public static CustomerHistories Build(
        SequenceVocabulary vocabulary, InteractionLog events, CustomerFeatureTable? features = null, FeatureScaling? scaling = null, bool mergeRepeats = false)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(events);
        scaling ??= features is null ? null : FeatureScaling.Fit(features);
        var rowsByCustomer = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in Chronological(events))
        {
            if (vocabulary.ItemIndex(events.ItemIds[row]) == 0)
            {
                continue;
            }

            if (!rowsByCustomer.TryGetValue(events.CustomerIds[row], out var rows))
            {
                rows = [];
                rowsByCustomer.Add(events.CustomerIds[row], rows);
                order.Add(events.CustomerIds[row]);
            }

            rows.Add(row);
        }

        var timelines = order.Select(id => Encode(id, Runs(rowsByCustomer[id], events, mergeRepeats), vocabulary, events)).ToList();
        var scaled = order.Select(id => scaling?.Scale(features?.ByCustomer.GetValueOrDefault(id)) ?? []).ToArray();
        return new CustomerHistories(vocabulary, timelines, scaled, scaling);
    }

    /// <summary>Row numbers sorted by timestamp; equal timestamps keep the input order.</summary>
    public static int[] Chronological(InteractionLog events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var rows = Enumerable.Range(0, events.Count).ToArray();
        return rows.OrderBy(r => events.Timestamps[r]).ThenBy(r => r).ToArray();
    }

    internal bool TryGetIndex(string customerId, out int customer) => _byId.TryGetValue(customerId, out customer);

    internal float[] FeaturesOf(int customer) => _features[customer];

    /// <summary>(first row, last row) per interaction: one row each, or runs of the same item when merging.</summary>
    private static List<(int First, int Last)> Runs(List<int> rows, InteractionLog events, bool mergeRepeats)
    {
        var runs = new List<(int First, int Last)>(rows.Count);
        foreach (var row in rows)
        {
            if (mergeRepeats && runs.Count > 0 && string.Equals(events.ItemIds[runs[^1].First], events.ItemIds[row], StringComparison.Ordinal))
            {
                runs[^1] = (runs[^1].First, row);
            }
            else
            {
                runs.Add((row, row));
            }
        }

        return runs;
    }

    private static CustomerTimeline Encode(string id, List<(int First, int Last)> runs, SequenceVocabulary vocabulary, InteractionLog events) => new(
        id,
        runs.Select(r => vocabulary.ItemIndex(events.ItemIds[r.First])).ToArray(),
        runs.Select(r => vocabulary.CategoryIndex(events.CategoryAt(r.First))).ToArray(),
        runs.Select(r => vocabulary.EventTypeIndex(events.EventTypeAt(r.Last))).ToArray(),
        runs.Select(r => events.Timestamps[r.First]).ToArray());
}
