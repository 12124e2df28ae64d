using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Studio.Data.Datasets;

/// <summary>
/// Steps through a dataset table with the SQLite C API and hands out each cell without allocating: integers, reals and
/// the UTF-8 bytes of text. Loading a million rows through <see cref="SqliteDataReader"/> cost several CPU-seconds
/// in per-call checks and one string per text cell; callers here decide which strings to materialise.
/// </summary>
public sealed class TableRowReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    internal TableRowReader(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out _statement);
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle!).utf8_to_string(), rc);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);
    public double GetDouble(int column) => raw.sqlite3_column_double(_statement, column);

    /// <summary>The text of a cell as UTF-8, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose()
    {
        _statement.Dispose();
        _connection.Dispose();
    }
}
