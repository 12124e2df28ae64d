using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;
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
        var readers = columns.Select((c, i) => ColumnReader.For(c, i)).ToArray();
        tables.ForEachRow(dataset.TableName, columns, reader =>
        {
            foreach (var column in readers) column.Read(reader);
        }, cancellationToken);
        return new DataFrame(readers.Select(r => r.Build()));
    }

    /// <summary>Reads one column's cells with the typed getter its dataset type calls for.</summary>
    private abstract class ColumnReader(int ordinal)
    {
        protected int Ordinal => ordinal;

        public abstract void Read(SqliteDataReader reader);
        public abstract DataFrameColumn Build();

        public static ColumnReader For(DatasetColumn column, int ordinal) => column.Type switch
        {
            ColumnType.Integer => new Primitive<long>(column.Name, ordinal, static (r, i) => r.GetInt64(i)),
            ColumnType.Decimal => new Primitive<double>(column.Name, ordinal, static (r, i) => r.GetDouble(i)),
            ColumnType.DateTime => new Primitive<DateTime>(column.Name, ordinal, static (r, i) => ParseUtc(r.GetString(i))),
            ColumnType.Boolean => new Booleans(column.Name, ordinal),
            _ => new Strings(column.Name, ordinal),
        };

        private sealed class Primitive<T>(string name, int ordinal, Func<SqliteDataReader, int, T?> get) : ColumnReader(ordinal)
            where T : unmanaged
        {
            private readonly PrimitiveColumnBuilder<T> _builder = new(name);
            public override void Read(SqliteDataReader reader) => _builder.Append(reader.IsDBNull(Ordinal) ? null : get(reader, Ordinal));
            public override DataFrameColumn Build() => _builder.Build();
        }

        private sealed class Booleans(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly List<bool?> _values = [];
            public override void Read(SqliteDataReader reader) => _values.Add(reader.IsDBNull(Ordinal) ? null : reader.GetInt64(Ordinal) != 0);
            public override DataFrameColumn Build() => new BooleanDataFrameColumn(name, _values);
        }

        /// <summary>Repeated strings (categories, keys) share one instance.</summary>
        private sealed class Strings(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly List<string?> _values = [];
            private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

            public override void Read(SqliteDataReader reader) => _values.Add(reader.IsDBNull(Ordinal) ? null : Pooled(reader.GetString(Ordinal)));
            public override DataFrameColumn Build() => new StringDataFrameColumn(name, _values);

            private string Pooled(string value)
            {
                if (_pool.TryGetValue(value, out var shared)) return shared;
                if (_pool.Count < 1_000_000) _pool[value] = value;
                return value;
            }
        }
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

}
