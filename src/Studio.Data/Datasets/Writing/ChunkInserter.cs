using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Studio.Data.Datasets;

/// <summary>
/// Binds and steps prepared INSERTs for whole <see cref="RowChunk"/>s through the SQLite C API on the connection's own
/// handle (in the ingest benchmark ADO.NET's per-parameter machinery cost more than the inserts). One multi-row
/// statement inserts <see cref="BatchRows"/> rows, so the statement machinery runs once per batch, not once per row.
/// </summary>
internal sealed class ChunkInserter : IDisposable
{
    /// <summary>SQLite's default limit on parameters in one statement.</summary>
    private const int MaxParameters = 32_766;

    private readonly sqlite3 _database;
    private readonly int _columnCount;
    private readonly sqlite3_stmt _batchInsert;
    private readonly sqlite3_stmt _rowInsert;

    public ChunkInserter(SqliteConnection connection, string tableName, IReadOnlyList<DatasetColumn> columns)
    {
        _columnCount = columns.Count;
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        BatchRows = Math.Clamp(MaxParameters / Math.Max(1, _columnCount), 1, 64);
        var names = string.Join(", ", columns.Select(c => $"\"{c.StorageName}\""));
        var row = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        var insert = $"INSERT INTO \"{tableName}\" ({names}) VALUES ";
        Check(raw.sqlite3_prepare_v2(_database, insert + row, out _rowInsert));
        Check(raw.sqlite3_prepare_v2(_database, insert + string.Join(", ", Enumerable.Repeat(row, BatchRows)), out _batchInsert));
    }

    public int BatchRows { get; }

    /// <summary>Inserts every row of the chunk; returns the number inserted.</summary>
    public int Insert(RowChunk chunk)
    {
        var row = 0;
        for (; row + BatchRows <= chunk.Rows; row += BatchRows) Insert(chunk, _batchInsert, row, BatchRows);
        for (; row < chunk.Rows; row++) Insert(chunk, _rowInsert, row, 1);
        return chunk.Rows;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Insert(RowChunk chunk, sqlite3_stmt statement, int firstRow, int rows)
    {
        var cells = chunk.Cells.AsSpan(firstRow * _columnCount, rows * _columnCount);
        var text = chunk.Text;
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            Check(cell.Kind switch
            {
                CellKind.Integer => raw.sqlite3_bind_int64(statement, i + 1, cell.Bits),
                CellKind.Real => raw.sqlite3_bind_double(statement, i + 1, BitConverter.Int64BitsToDouble(cell.Bits)),
                // An empty span reaches SQLite as a null pointer, which would bind NULL rather than ''.
                CellKind.Text when cell.Length == 0 => raw.sqlite3_bind_text(statement, i + 1, string.Empty),
                CellKind.Text => raw.sqlite3_bind_text(statement, i + 1, text.AsSpan(cell.Offset, cell.Length)),
                _ => raw.sqlite3_bind_null(statement, i + 1),
            });
        }
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE) Check(step);
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
}
