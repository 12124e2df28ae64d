using Microsoft.Data.Analysis;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>
/// Loads a dataset version into a <see cref="DataFrame"/> with one explicitly typed column per dataset column
/// (DataFrame's own inference reads only a few rows). Repeated strings share one instance.
/// </summary>
public sealed class DatasetFrameLoader(DatasetTableStore tables)
{
    public async Task<DataFrame> LoadAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var frameColumns = columns.Select(CreateColumn).ToArray();
        var pools = columns.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        await foreach (var row in tables.ReadAllAsync(dataset.TableName, columns, cancellationToken))
        {
            for (var i = 0; i < frameColumns.Length; i++)
                Append(frameColumns[i], row[i], pools[i]);
        }
        return new DataFrame(frameColumns);
    }

    public static DataFrameColumn CreateColumn(DatasetColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Integer => new Int64DataFrameColumn(column.Name),
            ColumnType.Decimal => new DoubleDataFrameColumn(column.Name),
            ColumnType.Boolean => new BooleanDataFrameColumn(column.Name),
            ColumnType.DateTime => new DateTimeDataFrameColumn(column.Name),
            _ => new StringDataFrameColumn(column.Name),
        };
    }

    private static void Append(DataFrameColumn column, object? value, Dictionary<string, string> pool)
    {
        switch (column)
        {
            case Int64DataFrameColumn c: c.Append((long?)value); break;
            case DoubleDataFrameColumn c: c.Append((double?)value); break;
            case BooleanDataFrameColumn c: c.Append((bool?)value); break;
            case DateTimeDataFrameColumn c: c.Append(value is DateTimeOffset d ? d.UtcDateTime : null); break;
            case StringDataFrameColumn c: c.Append(value is string s ? Pooled(s, pool) : null); break;
            default: throw new NotSupportedException(column.GetType().Name);
        }
    }

    private static string Pooled(string value, Dictionary<string, string> pool)
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        if (pool.Count < 1_000_000) pool[value] = value;
        return value;
    }
}
