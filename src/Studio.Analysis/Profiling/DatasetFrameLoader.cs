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
    /// <summary>Runs on a worker thread; the rows stream from SQLite straight into typed columns.</summary>
    public Task<DataFrame> LoadAsync(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Task.Run(() => Load(dataset, cancellationToken), cancellationToken);
    }

    public DataFrame Load(Dataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var frameColumns = columns.Select(CreateColumn).ToArray();
        var pools = columns.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        tables.ForEachRow(dataset.TableName, columns, reader =>
        {
            for (var i = 0; i < frameColumns.Length; i++)
            {
                var isNull = reader.IsDBNull(i);
                switch (frameColumns[i])
                {
                    case Int64DataFrameColumn c: c.Append(isNull ? null : reader.GetInt64(i)); break;
                    case DoubleDataFrameColumn c: c.Append(isNull ? null : reader.GetDouble(i)); break;
                    case BooleanDataFrameColumn c: c.Append(isNull ? null : reader.GetInt64(i) != 0); break;
                    case DateTimeDataFrameColumn c: c.Append(isNull ? null : ParseUtc(reader.GetString(i))); break;
                    case StringDataFrameColumn c: c.Append(isNull ? null : Pooled(reader.GetString(i), pools[i])); break;
                    default: throw new NotSupportedException(frameColumns[i].GetType().Name);
                }
            }
        }, cancellationToken);
        return new DataFrame(frameColumns);
    }

    private static DateTime? ParseUtc(string stored) =>
        Ingest.Inference.DateFormats.TryParse(stored, Ingest.Inference.DateFamily.Iso, out var value) ? value.UtcDateTime : null;

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

    private static string Pooled(string value, Dictionary<string, string> pool)
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        if (pool.Count < 1_000_000) pool[value] = value;
        return value;
    }
}
