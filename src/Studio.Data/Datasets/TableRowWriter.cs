using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Studio.Data.Datasets;

/// <summary>
/// One prepared INSERT reused for every row of one table inside the caller's transaction. Values are bound through
/// the SQLite C API on the connection's own handle: ADO.NET's per-parameter machinery cost more than the insert itself
/// in the ingest benchmark. Text is encoded into one reused buffer (SQLite copies bound text).
/// </summary>
public sealed class TableRowWriter : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly int _columnCount;
    private byte[] _utf8 = new byte[256];

    public long RowsWritten { get; private set; }

    internal TableRowWriter(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(transaction); // rows are only written inside the caller's transaction
        DatasetTableStore.EnsureSafeIdentifier(tableName);
        foreach (var c in columns) DatasetTableStore.EnsureSafeIdentifier(c.StorageName);
        _columnCount = columns.Count;
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var names = string.Join(", ", columns.Select(c => $"\"{c.StorageName}\""));
        var placeholders = string.Join(", ", columns.Select(_ => "?"));
        var sql = $"INSERT INTO \"{tableName}\" ({names}) VALUES ({placeholders})";
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    /// <summary>Values must already be typed: long, double, bool, DateTimeOffset, DateTime, string or null.</summary>
    public void Write(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _columnCount; i++)
            Check(Bind(i + 1, i < values.Length ? values[i] : null));
        var step = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE) Check(step);
        RowsWritten++;
    }

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        long l => raw.sqlite3_bind_int64(_statement, index, l),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        double x when double.IsNaN(x) => raw.sqlite3_bind_null(_statement, index),
        double x => raw.sqlite3_bind_double(_statement, index, x),
        DateTimeOffset d => BindUtc(index, d.UtcDateTime),
        DateTime d => BindUtc(index, DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind).ToUniversalTime()),
        string s => BindText(index, s),
        _ => BindText(index, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>The storage format <see cref="DatasetTableStore"/> reads back: ISO 8601 in UTC with a Z.</summary>
    private int BindUtc(int index, DateTime utc)
    {
        Span<char> text = stackalloc char[40];
        utc.TryFormat(text, out var length, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        return BindText(index, text[..length]);
    }

    private int BindText(int index, ReadOnlySpan<char> text)
    {
        // An empty span reaches SQLite as a null pointer, which would bind NULL rather than ''.
        if (text.IsEmpty) return raw.sqlite3_bind_text(_statement, index, string.Empty);
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > _utf8.Length) _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length));
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), rc);
    }

    public void Dispose() => _statement.Dispose();
}
