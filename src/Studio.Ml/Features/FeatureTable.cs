using Studio.Ml.Training;

namespace Studio.Ml.Features;

/// <summary>
/// An in-memory table the ML pipeline reads, independent of storage: categorical columns as strings, numeric
/// columns as doubles, nulls for missing values. The target is one of these columns, chosen by the spec.
/// </summary>
public sealed class FeatureTable
{
    private readonly Dictionary<string, string?[]> _categorical;
    private readonly Dictionary<string, double?[]> _numeric;

    public FeatureTable(IReadOnlyDictionary<string, string?[]> categorical, IReadOnlyDictionary<string, double?[]> numeric)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(numeric);
        _categorical = new Dictionary<string, string?[]>(categorical, StringComparer.Ordinal);
        _numeric = new Dictionary<string, double?[]>(numeric, StringComparer.Ordinal);
        var lengths = _categorical.Values.Select(c => c.Length).Concat(_numeric.Values.Select(c => c.Length)).Distinct().ToList();
        if (lengths.Count > 1)
        {
            throw new ArgumentException("Every column must have the same number of rows.", nameof(categorical));
        }

        var clash = _categorical.Keys.FirstOrDefault(_numeric.ContainsKey);
        if (clash is not null)
        {
            throw new ArgumentException($"Column \"{clash}\" is both categorical and numeric.", nameof(numeric));
        }

        RowCount = lengths.Count == 0 ? 0 : lengths[0];
    }

    public int RowCount { get; }

    public ColumnSchema Schema => new(_categorical.Keys.ToList(), _numeric.Keys.ToList());

    public bool IsCategorical(string column) => _categorical.ContainsKey(column);

    public bool IsNumeric(string column) => _numeric.ContainsKey(column);

    public string?[] Categorical(string column) =>
        _categorical.TryGetValue(column, out var values) ? values : throw new KeyNotFoundException($"No categorical column \"{column}\".");

    public double?[] Numeric(string column) =>
        _numeric.TryGetValue(column, out var values) ? values : throw new KeyNotFoundException($"No numeric column \"{column}\".");

    /// <summary>A column as labels whatever its kind (numbers formatted invariantly); used for class targets.</summary>
    public string?[] AsLabels(string column)
    {
        if (_categorical.TryGetValue(column, out var labels))
        {
            return labels;
        }

        return Numeric(column).Select(v => v?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order, as a new table.</summary>
    public FeatureTable Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new FeatureTable(
            _categorical.ToDictionary(c => c.Key, c => rows.Select(r => c.Value[r]).ToArray(), StringComparer.Ordinal),
            _numeric.ToDictionary(c => c.Key, c => rows.Select(r => c.Value[r]).ToArray(), StringComparer.Ordinal));
    }
}
