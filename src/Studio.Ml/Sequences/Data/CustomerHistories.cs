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

    public static CustomerHistories Build(SequenceVocabulary vocabulary, InteractionLog events, CustomerFeatureTable? features = null, FeatureScaling? scaling = null)
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

        var timelines = order.Select(id => Encode(id, rowsByCustomer[id], vocabulary, events)).ToList();
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

    private static CustomerTimeline Encode(string id, List<int> rows, SequenceVocabulary vocabulary, InteractionLog events) => new(
        id,
        rows.Select(r => vocabulary.ItemIndex(events.ItemIds[r])).ToArray(),
        rows.Select(r => vocabulary.CategoryIndex(events.CategoryAt(r))).ToArray(),
        rows.Select(r => vocabulary.EventTypeIndex(events.EventTypeAt(r))).ToArray(),
        rows.Select(r => events.Timestamps[r]).ToArray());
}
