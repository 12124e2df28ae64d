using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Studio.Data.Datasets;

/// <summary>
/// Writes rows of one table inside the caller's transaction through the SQLite C API on the connection's own handle:
/// in the ingest benchmark ADO.NET's per-parameter machinery cost more than the inserts. Rows are buffered and
/// inserted <see cref="BatchRows"/> at a time by one prepared multi-row INSERT, which runs the statement machinery
/// once per batch instead of once per row. Call <see cref="Flush"/> before reading <see cref="RowsWritten"/>.
/// </summary>
public sealed class TableRowWriter : IRowSink, IDisposable
{
    /// <summary>SQLite's default limit on parameters in one statement.</summary>
    private const int MaxParameters = 32_766;

    private readonly sqlite3 _database;
    private readonly int _columnCount;
    private readonly sqlite3_stmt _batchInsert;
    private readonly sqlite3_stmt _rowInsert;
    private readonly Cell[] _cells;
    private byte[] _text = new byte[1 << 16];
    private int _textLength;
    private int _bufferedRows;

    public int BatchRows { get; }
    public long RowsWritten { get; private set; }

    internal TableRowWriter(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(transaction); // rows are only written inside the caller's transaction
        DatasetTableStore.EnsureSafeIdentifier(tableName);
        foreach (var c in columns) DatasetTableStore.EnsureSafeIdentifier(c.StorageName);
        _columnCount = columns.Count;
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        BatchRows = Math.Clamp(MaxParameters / Math.Max(1, _columnCount), 1, 64);
        _cells = new Cell[BatchRows * _columnCount];
        var names = string.Join(", ", columns.Select(c => $"\"{c.StorageName}\""));
        var row = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        var insert = $"INSERT INTO \"{tableName}\" ({names}) VALUES ";
        Check(raw.sqlite3_prepare_v2(_database, insert + row, out _rowInsert));
        Check(raw.sqlite3_prepare_v2(_database, insert + string.Join(", ", Enumerable.Repeat(row, BatchRows)), out _batchInsert));
    }

    /// <summary>Values must already be typed: long, int, double, bool, DateTimeOffset, DateTime, string or null.</summary>
    public void Write(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _columnCount; i++)
        {
            switch (i < values.Length ? values[i] : null)
            {
                case null: Null(i); break;
                case long l: Integer(i, l); break;
                case int n: Integer(i, n); break;
                case bool b: Integer(i, b ? 1 : 0); break;
                case double x: Real(i, x); break;
                case DateTimeOffset d: Utc(i, d.UtcDateTime); break;
                case DateTime d: Utc(i, DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind).ToUniversalTime()); break;
                case string s: Text(i, s); break;
                case var other: Text(i, Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }
        EndRow();
    }

    public void Null(int column) => Slot(column) = default;
    public void Integer(int column, long value) => Slot(column) = new Cell(CellKind.Integer, value, 0, 0);
    public void Real(int column, double value) =>
        Slot(column) = double.IsNaN(value) ? default : new Cell(CellKind.Real, BitConverter.DoubleToInt64Bits(value), 0, 0);

    public void Text(int column, ReadOnlySpan<char> value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_textLength + needed > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + needed));
        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength));
        Slot(column) = new Cell(CellKind.Text, 0, _textLength, length);
        _textLength += length;
    }

    /// <summary>ISO 8601 in UTC with a Z, the format <see cref="DatasetTableStore"/> reads back.</summary>
    public void Utc(int column, DateTime utc)
    {
        Span<char> text = stackalloc char[40];
        utc.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        Text(column, text[..length]);
    }

    /// <summary>Ends the row; columns not set since the last row are NULL.</summary>
    public void EndRow()
    {
        if (++_bufferedRows == BatchRows) Flush();
    }

    /// <summary>Inserts every buffered row.</summary>
    public void Flush()
    {
        if (_bufferedRows == BatchRows) Insert(_batchInsert, 0, BatchRows);
        else for (var row = 0; row < _bufferedRows; row++) Insert(_rowInsert, row, 1);
        Array.Clear(_cells, 0, _bufferedRows * _columnCount);
        _bufferedRows = 0;
        _textLength = 0;
    }

    private ref Cell Slot(int column) => ref _cells[_bufferedRows * _columnCount + column];

    private void Insert(sqlite3_stmt statement, int firstRow, int rows)
    {
        var first = firstRow * _columnCount;
        for (var i = 0; i < rows * _columnCount; i++)
        {
            var cell = _cells[first + i];
            Check(cell.Kind switch
            {
                CellKind.Integer => raw.sqlite3_bind_int64(statement, i + 1, cell.Bits),
                CellKind.Real => raw.sqlite3_bind_double(statement, i + 1, BitConverter.Int64BitsToDouble(cell.Bits)),
                // An empty span reaches SQLite as a null pointer, which would bind NULL rather than ''.
                CellKind.Text when cell.Length == 0 => raw.sqlite3_bind_text(statement, i + 1, string.Empty),
                CellKind.Text => raw.sqlite3_bind_text(statement, i + 1, _text.AsSpan(cell.Offset, cell.Length)),
                _ => raw.sqlite3_bind_null(statement, i + 1),
            });
        }
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE) Check(step);
        RowsWritten += rows;
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), rc);
    }

    public void Dispose()
    {
        _batchInsert.Dispose();
        _rowInsert.Dispose();
    }

    private enum CellKind : byte
    {
        Null,
        Integer,
        Real,
        Text,
    }

    private readonly record struct Cell(CellKind Kind, long Bits, int Offset, int Length);
}
