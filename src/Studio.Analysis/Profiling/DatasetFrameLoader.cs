using Microsoft.Data.Analysis;
using System.Text;
using Studio.Analysis.Ingest.Inference;
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
        using var rows = tables.OpenRowReader(dataset.TableName, columns);
        long count = 0;
        while (rows.Read())
        {
            if ((++count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            foreach (var column in readers) column.Read(rows);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new DataFrame(readers.Select(r => r.Build()));
    }

    /// <summary>Reads one column's cells with the typed getter its dataset type calls for.</summary>
    private abstract class ColumnReader(int ordinal)
    {
        protected int Ordinal => ordinal;

        public abstract void Read(TableRowReader row);
        public abstract DataFrameColumn Build();

        public static ColumnReader For(DatasetColumn column, int ordinal) => column.Type switch
        {
            ColumnType.Integer => new Integers(column.Name, ordinal),
            ColumnType.Decimal => new Reals(column.Name, ordinal),
            ColumnType.DateTime => new Times(column.Name, ordinal),
            ColumnType.Boolean => new Booleans(column.Name, ordinal),
            _ => new Strings(column.Name, ordinal),
        };

        private sealed class Integers(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly PrimitiveColumnBuilder<long> _builder = new(name);
            public override void Read(TableRowReader row) => _builder.Append(row.IsNull(Ordinal) ? null : row.GetInt64(Ordinal));
            public override DataFrameColumn Build() => _builder.Build();
        }

        private sealed class Reals(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly PrimitiveColumnBuilder<double> _builder = new(name);
            public override void Read(TableRowReader row) => _builder.Append(row.IsNull(Ordinal) ? null : row.GetDouble(Ordinal));
            public override DataFrameColumn Build() => _builder.Build();
        }

        /// <summary>Stored as ISO 8601 UTC text; parsed from a stack copy of the bytes, no string per cell.</summary>
        private sealed class Times(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly PrimitiveColumnBuilder<DateTime> _builder = new(name);

            public override void Read(TableRowReader row)
            {
                if (row.IsNull(Ordinal))
                {
                    _builder.Append(null);
                    return;
                }
                var bytes = row.GetUtf8(Ordinal);
                Span<char> text = stackalloc char[64];
                DateTimeOffset value = default;
                var ok = bytes.Length <= text.Length && Encoding.UTF8.TryGetChars(bytes, text, out var length)
                    && IsoDateParser.TryParse(text[..length], out value);
                _builder.Append(ok ? value.UtcDateTime : ParseUtc(Encoding.UTF8.GetString(bytes)));
            }

            public override DataFrameColumn Build() => _builder.Build();
        }

        private sealed class Booleans(string name, int ordinal) : ColumnReader(ordinal)
        {
            private readonly List<bool?> _values = [];
            public override void Read(TableRowReader row) => _values.Add(row.IsNull(Ordinal) ? null : row.GetInt64(Ordinal) != 0);
            public override DataFrameColumn Build() => new BooleanDataFrameColumn(name, _values);
        }

        /// <summary>Repeated strings (categories, keys) share one instance and are looked up without allocating.</summary>
        private sealed class Strings(string name, int ordinal) : ColumnReader(ordinal)
        {
            private const int MaxPooled = 1_000_000;
            private const int PoolCheckAfter = 65_536;
            private bool _pooling = true;
            private readonly List<string?> _values = [];
            private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
            private char[] _chars = new char[256];

            public override void Read(TableRowReader row)
            {
                if (row.IsNull(Ordinal))
                {
                    _values.Add(null);
                    return;
                }
                var bytes = row.GetUtf8(Ordinal);
                if (_chars.Length < bytes.Length) _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
                var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
                if (!_pooling)
                {
                    _values.Add(text.ToString());
                    return;
                }
                var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(text, out var value))
                {
                    value = text.ToString();
                    if (_pool.Count < MaxPooled) _pool[value] = value;
                }
                _values.Add(value);
                // Mostly distinct values (keys, sessions) gain nothing from a pool but its cache misses: stop pooling.
                if (_values.Count == PoolCheckAfter && _pool.Count > PoolCheckAfter / 2)
                {
                    _pooling = false;
                    _pool.Clear();
                    _pool.TrimExcess();
                }
            }

            public override DataFrameColumn Build() => new StringDataFrameColumn(name, _values);
        }
    }

    private static DateTime? ParseUtc(string stored) =>
        DateFormats.TryParse(stored, DateFamily.Iso, out var value) ? value.UtcDateTime : null;

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
