using System.Globalization;
using Studio.Data.Datasets;
using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// Reads a stored dataset version into a <see cref="FeatureTable"/> with explicit kinds: the spec's categorical
/// columns as strings, numeric columns (and regression targets, numeric time columns) as doubles. Row i of the
/// table is the dataset's i-th row in storage order.
/// </summary>
public sealed class DatasetFeatureLoader(DatasetTableStore tables)
{
    public async Task<FeatureTable> LoadAsync(Dataset dataset, TrainingSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(spec);
        var categorical = spec.CategoricalColumns.ToHashSet(StringComparer.Ordinal);
        var numeric = spec.NumericColumns.ToHashSet(StringComparer.Ordinal);
        var byName = dataset.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (byName.ContainsKey(spec.TargetColumn))
        {
            (spec.Task == PredictionTask.Regression ? numeric : categorical).Add(spec.TargetColumn);
        }

        if (spec.Split.TimeColumn is { } time && byName.TryGetValue(time, out var timeColumn) && !categorical.Contains(time))
        {
            (timeColumn.Type is Core.Datasets.ColumnType.Text or Core.Datasets.ColumnType.Categorical ? categorical : numeric).Add(time);
        }

        var missing = categorical.Concat(numeric).Where(c => !byName.ContainsKey(c) && c != spec.TargetColumn).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Dataset \"{dataset.Name}\" v{dataset.Version} has no column(s) {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");
        }

        var columns = categorical.Concat(numeric).Where(byName.ContainsKey).Select(n => byName[n]).ToList();
        var rows = await ReadAsync(dataset, columns, cancellationToken);
        var cat = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        var num = new Dictionary<string, double?[]>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var index = i;
            if (categorical.Contains(columns[i].Name)) cat[columns[i].Name] = rows.Select(r => AsLabel(r[index])).ToArray();
            else num[columns[i].Name] = rows.Select(r => AsNumber(r[index])).ToArray();
        }
        return new FeatureTable(cat, num);
    }

    /// <summary>Every column as display labels (for breakdowns by attribute and row keys).</summary>
    public async Task<IReadOnlyDictionary<string, string?[]>> LoadLabelsAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var rows = await ReadAsync(dataset, columns, cancellationToken);
        return columns.Select((c, i) => (c.Name, Values: rows.Select(r => AsLabel(r[i])).ToArray()))
            .ToDictionary(c => c.Name, c => c.Values, StringComparer.Ordinal);
    }

    private async Task<List<object?[]>> ReadAsync(Dataset dataset, IReadOnlyList<DatasetColumn> columns, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>((int)Math.Min(dataset.RowCount, int.MaxValue));
        await foreach (var row in tables.ReadAllAsync(dataset.TableName, columns, cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    public static string? AsLabel(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static double? AsNumber(object? value) => value switch
    {
        null => null,
        long l => l,
        double d => double.IsNaN(d) ? null : d,
        bool b => b ? 1 : 0,
        // Days since the Unix epoch: a scale the standardizer handles and a time split can order.
        DateTimeOffset t => (t - DateTimeOffset.UnixEpoch).TotalDays,
        string s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null,
        _ => null,
    };
}
