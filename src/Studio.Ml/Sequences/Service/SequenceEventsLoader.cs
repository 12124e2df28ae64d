using System.Globalization;
using Studio.Data.Datasets;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Service;

namespace Studio.Ml.Sequences.Service;

/// <summary>Reads an events dataset (and optionally a products dataset for categories) into an <see cref="InteractionLog"/>.</summary>
public sealed class SequenceEventsLoader(DatasetRepository datasets, DatasetTableStore tables)
{
    /// <exception cref="ArgumentException">A dataset or column is missing, or a timestamp cannot be read (the message says where).</exception>
    public async Task<InteractionLog> LoadAsync(Dataset events, SequenceRunSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(spec);
        var wanted = new List<string> { spec.CustomerColumn, spec.ItemColumn, spec.TimestampColumn };
        if (spec.EventTypeColumn is { } type) wanted.Add(type);
        if (spec.Category.EventsColumn is { } category) wanted.Add(category);
        var columns = ColumnsOf(events, wanted);
        var customers = new List<string>();
        var items = new List<string>();
        var times = new List<DateTime>();
        var types = spec.EventTypeColumn is null ? null : new List<string>();
        var categories = spec.Category.EventsColumn is null ? null : new List<string>();
        var row = 0;
        await foreach (var values in tables.ReadAllAsync(events.TableName, columns, cancellationToken))
        {
            row++;
            if (values[0] is null || values[1] is null || values[2] is null)
            {
                continue;
            }

            customers.Add(DatasetFeatureLoader.AsLabel(values[0])!);
            items.Add(DatasetFeatureLoader.AsLabel(values[1])!);
            times.Add(TimestampOf(values[2]!, spec.TimestampColumn, row));
            types?.Add(DatasetFeatureLoader.AsLabel(values[3]) ?? InteractionLog.NoValue);
            categories?.Add(DatasetFeatureLoader.AsLabel(values[^1]) ?? InteractionLog.NoValue);
        }

        if (spec.Category.IsJoin)
        {
            var categoryOf = await CategoriesAsync(spec.Category, cancellationToken);
            categories = items.Select(i => categoryOf.GetValueOrDefault(i, InteractionLog.NoValue)).ToList();
        }

        if (spec.Target == SequenceTarget.Category)
        {
            // The category becomes the unit of the sequence: the model predicts the next category.
            items = categories!.ToList();
        }

        return new InteractionLog(customers, items, times) { Categories = categories, EventTypes = types };
    }

    private async Task<Dictionary<string, string>> CategoriesAsync(CategorySource source, CancellationToken cancellationToken)
    {
        var products = await datasets.FindAsync(source.ProductsDatasetId!.Value, cancellationToken)
            ?? throw new ArgumentException($"Products dataset {source.ProductsDatasetId} does not exist.");
        var columns = ColumnsOf(products, [source.ProductsItemColumn!, source.ProductsCategoryColumn!]);
        var categoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var values in tables.ReadAllAsync(products.TableName, columns, cancellationToken))
        {
            if (DatasetFeatureLoader.AsLabel(values[0]) is { } item && DatasetFeatureLoader.AsLabel(values[1]) is { } category)
            {
                categoryOf.TryAdd(item, category);
            }
        }

        return categoryOf;
    }

    private static List<DatasetColumn> ColumnsOf(Dataset dataset, IReadOnlyList<string> names)
    {
        var byName = dataset.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var missing = names.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Dataset \"{dataset.Name}\" v{dataset.Version} has no column(s) {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");
        }

        return names.Select(n => byName[n]).ToList();
    }

    private static DateTime TimestampOf(object value, string column, int row) => value switch
    {
        DateTimeOffset t => t.UtcDateTime,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => throw new ArgumentException($"Column \"{column}\" row {row.ToString(CultureInfo.InvariantCulture)}: \"{value}\" is not a timestamp."),
    };
}
