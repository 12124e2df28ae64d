using System.Text.Json.Serialization;

namespace Studio.Analysis.ModelEncoding;

/// <summary>
/// A fitted categorical field: index 0 is the unknown bucket (unseen or rare values), 1..N the kept values,
/// most frequent first. A missing value is its own category (null in <see cref="Values"/>) when frequent enough.
/// The one vocabulary type of Studio: a dataset version saves it (<see cref="DatasetEncoding"/>) and the model
/// trainer embeds exactly its rows.
/// </summary>
public sealed class CategoricalVocabulary(string column, IReadOnlyList<string?> values, NumericBucketing? buckets = null)
{
    private const string MissingKey = "\u0000missing";
    private Dictionary<string, long>? _index;

    public string Column { get; } = column;

    public IReadOnlyList<string?> Values { get; } = values;

    /// <summary>Set when this field is a numeric column cut into quantile buckets.</summary>
    public NumericBucketing? Buckets { get; } = buckets;

    /// <summary>Number of embedding rows: the kept values plus the unknown bucket.</summary>
    [JsonIgnore]
    public int Cardinality => Values.Count + 1;

    /// <summary>Unseen or rare values: code 0.</summary>
    public const int Unknown = 0;

    public long IndexOf(string? value)
    {
        _index ??= Values.Select((v, i) => (Key: v ?? MissingKey, Index: (long)i + 1))
            .ToDictionary(p => p.Key, p => p.Index, StringComparer.Ordinal);
        return _index.TryGetValue(value ?? MissingKey, out var index) ? index : 0;
    }

    /// <summary>The label of an embedding row (row 0 reads "(unknown)").</summary>
    public string LabelOf(int index) => index == 0 ? "(unknown)" : Values[index - 1] ?? "(missing)";

    public static CategoricalVocabulary Fit(string column, IEnumerable<string?> trainingValues, int minFrequency)
    {
        ArgumentNullException.ThrowIfNull(trainingValues);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in trainingValues)
        {
            var key = value ?? MissingKey;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var kept = counts.Where(c => c.Value >= minFrequency)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key == MissingKey ? null : c.Key)
            .ToList();
        return new CategoricalVocabulary(column, kept);
    }
}

/// <summary>A numeric column cut into training quantiles, used as an extra categorical field.</summary>
public sealed record NumericBucketing(string SourceColumn, IReadOnlyList<double> UpperEdges)
{
    public string? BucketOf(double? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        var bucket = 0;
        while (bucket < UpperEdges.Count && v > UpperEdges[bucket])
        {
            bucket++;
        }

        return bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static NumericBucketing Fit(string column, IEnumerable<double?> trainingValues, int buckets)
    {
        ArgumentNullException.ThrowIfNull(trainingValues);
        var sorted = trainingValues.Where(v => v.HasValue).Select(v => v!.Value).Order().ToArray();
        var edges = new SortedSet<double>();
        for (var q = 1; q < buckets && sorted.Length > 0; q++)
        {
            edges.Add(sorted[(int)Math.Min(sorted.Length - 1, Math.Floor((double)q * sorted.Length / buckets))]);
        }

        return new NumericBucketing(column, edges.ToList());
    }
}
