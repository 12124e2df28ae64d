using System.Globalization;

namespace Studio.Analysis.Experiments.Input;

/// <summary>
/// An experiment log held as columns (one row per unit assignment). Unit ids and assignment times are optional: without
/// unit ids every row is its own unit (named by its row number), without times there is no timeline. Outcome columns
/// are numeric and named; a missing value inside a column is <see cref="double.NaN"/>. Proportion columns must hold
/// 0 or 1 (validated later, not here, so the validator can name the offending row).
/// </summary>
public sealed class ExperimentLog
{
    private readonly string[]? _unitIds;
    private readonly string[] _variants;
    private readonly DateTimeOffset[]? _assignedAt;
    private readonly List<(string Name, double[] Values)> _columns = [];
    private readonly double[]? _preCovariate;
    private readonly Dictionary<string, CategoricalColumn> _segments;

    /// <summary>The classic log: optional <c>converted</c> and <c>revenue</c> outcome columns.</summary>
    public ExperimentLog(
        string experimentName,
        string[]? unitIds,
        string[] variants,
        DateTimeOffset[]? assignedAt,
        double[]? converted = null,
        double[]? revenue = null,
        double[]? preCovariate = null,
        IReadOnlyDictionary<string, string?[]>? segments = null)
        : this(experimentName, unitIds, variants, assignedAt, Outcomes(converted, revenue), preCovariate, segments)
    {
    }

    /// <param name="outcomes">Named numeric outcome columns, in the order they are shown.</param>
    public ExperimentLog(
        string experimentName,
        string[]? unitIds,
        string[] variants,
        DateTimeOffset[]? assignedAt,
        IReadOnlyList<KeyValuePair<string, double[]>> outcomes,
        double[]? preCovariate = null,
        IReadOnlyDictionary<string, string?[]>? segments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(outcomes);
        ExperimentName = experimentName;
        RowCount = variants.Length;
        if (unitIds is not null) RequireLength(unitIds.Length, ExperimentColumns.UnitId);
        if (assignedAt is not null) RequireLength(assignedAt.Length, ExperimentColumns.AssignedAt);
        foreach (var (name, values) in outcomes)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            ArgumentNullException.ThrowIfNull(values);
            RequireLength(values.Length, name);
            if (_columns.Exists(c => c.Name == name)) throw new ArgumentException($"Experiment '{experimentName}': outcome column '{name}' is given twice.");
            _columns.Add((name, values));
        }

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
        _preCovariate = preCovariate;
    }

    public string ExperimentName { get; }
    public int RowCount { get; }
    public bool HasUnitIds => _unitIds is not null;
    public bool HasAssignmentTime => _assignedAt is not null;
    /// <summary>Empty when the log has no unit-id column (see <see cref="UnitLabel"/>).</summary>
    public ReadOnlySpan<string> UnitIds => _unitIds;
    public ReadOnlySpan<string> Variants => _variants;
    /// <summary>Empty when the log has no assignment-time column.</summary>
    public ReadOnlySpan<DateTimeOffset> AssignedAt => _assignedAt;
    public bool HasPreCovariate => _preCovariate is not null;
    public ReadOnlySpan<double> PreCovariate => _preCovariate;
    public IReadOnlyCollection<string> SegmentAttributes => _segments.Keys;

    /// <summary>The outcome columns, in order.</summary>
    public IReadOnlyList<string> OutcomeColumns => [.. _columns.Select(c => c.Name)];

    public bool HasOutcome(string column) => _columns.Exists(c => c.Name == column);

    public ReadOnlySpan<double> Outcome(string column) => OutcomeArray(column);

    internal double[] OutcomeArray(string column) =>
        _columns.Find(c => c.Name == column).Values
        ?? throw new ArgumentException($"Experiment '{ExperimentName}' has no outcome column '{column}'.", nameof(column));

    /// <summary>How messages name the unit of a row: its id, or "row N" when the log has no unit ids.</summary>
    public string UnitLabel(int row) => _unitIds is null ? "row " + (row + 1).ToString(CultureInfo.InvariantCulture) : _unitIds[row];

    /// <summary>A segment attribute, encoded as categories (done once, in the constructor).</summary>
    public CategoricalColumn Segment(string attribute) =>
        _segments.TryGetValue(attribute, out var values)
            ? values
            : throw new ArgumentException($"Experiment '{ExperimentName}' has no segment attribute '{attribute}'.", nameof(attribute));

    /// <summary>A copy whose rows are in assignment-time order (stable: ties keep their original order).</summary>
    public ExperimentLog SortedByAssignmentTime()
    {
        if (_assignedAt is null) return this;
        var order = new int[RowCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = new long[RowCount];
        for (var i = 0; i < keys.Length; i++) keys[i] = _assignedAt[i].UtcTicks;
        // Array.Sort is unstable; break ties by the original index to keep it deterministic.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return new ExperimentLog(
            ExperimentName,
            _unitIds is null ? null : Permute(_unitIds, order),
            Permute(_variants, order),
            Permute(_assignedAt, order),
            [.. _columns.Select(c => KeyValuePair.Create(c.Name, Permute(c.Values, order)))],
            _preCovariate is null ? null : Permute(_preCovariate, order),
            _segments.ToDictionary(kv => kv.Key, kv => Permute([.. Enumerable.Range(0, RowCount).Select(i => kv.Value[i])], order), StringComparer.Ordinal));
    }

    private static List<KeyValuePair<string, double[]>> Outcomes(double[]? converted, double[]? revenue)
    {
        var outcomes = new List<KeyValuePair<string, double[]>>();
        if (converted is not null) outcomes.Add(KeyValuePair.Create(ExperimentColumns.Converted, converted));
        if (revenue is not null) outcomes.Add(KeyValuePair.Create(ExperimentColumns.Revenue, revenue));
        return outcomes;
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
                $"Experiment '{ExperimentName}': column {column} has {length} rows but {ExperimentColumns.Variant} has {RowCount}.");
        }
    }
}
