namespace Studio.Analysis.Experiments.Input;

/// <summary>
/// An experiment log held as columns (one row per unit assignment). Outcome columns are optional;
/// a missing value inside a present column is <see cref="double.NaN"/>. Conversion values must be 0 or 1
/// (validated later, not here, so the validator can name the offending row).
/// </summary>
public sealed class ExperimentLog
{
    private readonly string[] _unitIds;
    private readonly string[] _variants;
    private readonly DateTimeOffset[] _assignedAt;
    private readonly double[]? _converted;
    private readonly double[]? _revenue;
    private readonly double[]? _preCovariate;
    private readonly Dictionary<string, CategoricalColumn> _segments;

    public ExperimentLog(
        string experimentName,
        string[] unitIds,
        string[] variants,
        DateTimeOffset[] assignedAt,
        double[]? converted = null,
        double[]? revenue = null,
        double[]? preCovariate = null,
        IReadOnlyDictionary<string, string?[]>? segments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(assignedAt);
        ExperimentName = experimentName;
        RowCount = unitIds.Length;
        RequireLength(variants.Length, ExperimentColumns.Variant);
        RequireLength(assignedAt.Length, ExperimentColumns.AssignedAt);
        if (converted is not null) RequireLength(converted.Length, ExperimentColumns.Converted);
        if (revenue is not null) RequireLength(revenue.Length, ExperimentColumns.Revenue);
        if (preCovariate is not null) RequireLength(preCovariate.Length, ExperimentColumns.PreCovariate);
        _segments = new Dictionary<string, CategoricalColumn>(StringComparer.Ordinal);
        foreach (var (name, values) in segments ?? new Dictionary<string, string?[]>())
        {
            ArgumentNullException.ThrowIfNull(values);
            RequireLength(values.Length, $"segment '{name}'");
            _segments.Add(name, new CategoricalColumn(values));
        }

        _unitIds = unitIds;
        _variants = variants;
        _assignedAt = assignedAt;
        _converted = converted;
        _revenue = revenue;
        _preCovariate = preCovariate;
    }

    public string ExperimentName { get; }
    public int RowCount { get; }
    public ReadOnlySpan<string> UnitIds => _unitIds;
    public ReadOnlySpan<string> Variants => _variants;
    public ReadOnlySpan<DateTimeOffset> AssignedAt => _assignedAt;
    public bool HasConversion => _converted is not null;
    public bool HasRevenue => _revenue is not null;
    public bool HasPreCovariate => _preCovariate is not null;
    public ReadOnlySpan<double> Converted => _converted;
    public ReadOnlySpan<double> Revenue => _revenue;
    public ReadOnlySpan<double> PreCovariate => _preCovariate;
    public IReadOnlyCollection<string> SegmentAttributes => _segments.Keys;

    /// <summary>A segment attribute, encoded as categories (done once, in the constructor).</summary>
    public CategoricalColumn Segment(string attribute) =>
        _segments.TryGetValue(attribute, out var values)
            ? values
            : throw new ArgumentException($"Experiment '{ExperimentName}' has no segment attribute '{attribute}'.", nameof(attribute));

    /// <summary>A copy whose rows are in assignment-time order (stable: ties keep their original order).</summary>
    public ExperimentLog SortedByAssignmentTime()
    {
        var order = new int[RowCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = new long[RowCount];
        for (var i = 0; i < keys.Length; i++) keys[i] = _assignedAt[i].UtcTicks;
        // Array.Sort is unstable; break ties by the original index to keep it deterministic.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return new ExperimentLog(
            ExperimentName,
            Permute(_unitIds, order),
            Permute(_variants, order),
            Permute(_assignedAt, order),
            _converted is null ? null : Permute(_converted, order),
            _revenue is null ? null : Permute(_revenue, order),
            _preCovariate is null ? null : Permute(_preCovariate, order),
            _segments.ToDictionary(kv => kv.Key, kv => Permute([.. Enumerable.Range(0, RowCount).Select(i => kv.Value[i])], order), StringComparer.Ordinal));
    }

    private static T[] Permute<T>(T[] source, int[] order)
    {
        var result = new T[order.Length];
        for (var i = 0; i < order.Length; i++) result[i] = source[order[i]];
        return result;
    }

    private void RequireLength(int length, string column)
    {
        if (length != RowCount)
        {
            throw new ArgumentException(
                $"Experiment '{ExperimentName}': column {column} has {length} rows but {ExperimentColumns.UnitId} has {RowCount}.");
        }
    }
}
