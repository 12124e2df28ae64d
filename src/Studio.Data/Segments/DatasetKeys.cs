using System.Globalization;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Data.Segments;

/// <summary>The key column of a customers dataset version (the values segment members are stored as).</summary>
public static class DatasetKeys
{
    /// <summary>The first Identifier column, else a column named <c>customer_id</c>, else null.</summary>
    public static DatasetColumn? KeyColumnOf(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var ordered = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        return ordered.FirstOrDefault(c => c.Type == ColumnType.Identifier)
            ?? ordered.FirstOrDefault(c => string.Equals(c.Name, "customer_id", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A stored cell as a member key (text as is, numbers in invariant culture); null for a missing cell.</summary>
    public static string? KeyText(object? cell) => cell switch
    {
        null or DBNull => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>Every key of the dataset version, in row order.</summary>
    public static IReadOnlyList<string> ReadKeys(DatasetTableStore tables, Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var keyColumn = RequireKeyColumn(dataset);
        var keys = new List<string>((int)Math.Min(dataset.RowCount, int.MaxValue));
        tables.ForEachRow(dataset.TableName, [keyColumn], reader =>
        {
            if (KeyText(reader.IsDBNull(0) ? null : reader.GetValue(0)) is { } key) keys.Add(key);
        }, cancellationToken);
        return keys;
    }

    public static DatasetColumn RequireKeyColumn(Dataset dataset) =>
        KeyColumnOf(dataset) ?? throw new SegmentValidationException(
            $"Dataset '{dataset.Name}' v{dataset.Version} has no key column: mark its customer id column as Identifier.");
}
