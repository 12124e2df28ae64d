using System.Globalization;
using Microsoft.Data.Sqlite;
using Studio.Core.Datasets;
using Studio.Data.Storage;

namespace Studio.Data.Datasets;

/// <summary>
/// Row storage for dataset versions: one SQLite table per version, written through prepared
/// commands (not EF change tracking). Column names in SQL are generated (<c>c0, c1…</c>) so that
/// whatever an uploaded header says never reaches SQL text.
/// </summary>
public sealed class DatasetTableStore(StudioStorageOptions options)
{
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(options.ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static string NewTableName() => "ds_" + Guid.NewGuid().ToString("N")[..24];

    public static string StorageNameFor(int ordinal) => "c" + ordinal.ToString(CultureInfo.InvariantCulture);

    public static string SqlTypeOf(ColumnType type) => type switch
    {
        ColumnType.Integer or ColumnType.Boolean => "INTEGER",
        ColumnType.Decimal => "REAL",
        _ => "TEXT",
    };

    public static void CreateTable(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns)
    {
        EnsureSafeIdentifier(tableName);
        var definitions = columns.Select(c =>
        {
            EnsureSafeIdentifier(c.StorageName);
            return $"\"{c.StorageName}\" {SqlTypeOf(c.Type)}";
        });
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"CREATE TABLE \"{tableName}\" (rowid INTEGER PRIMARY KEY, {string.Join(", ", definitions)})";
        command.ExecuteNonQuery();
    }

    public static TableRowWriter CreateWriter(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns) => new(connection, transaction, tableName, columns);

    public async Task<IReadOnlyList<object?[]>> ReadPageAsync(string tableName, IReadOnlyList<DatasetColumn> columns,
        long offset, int limit, CancellationToken cancellationToken = default)
    {
        EnsureSafeIdentifier(tableName);
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SelectList(columns)} FROM \"{tableName}\" ORDER BY rowid LIMIT $limit OFFSET $offset";
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(ReadRow(reader, columns));
        return rows;
    }

    /// <summary>Streams every row in insertion order; the caller owns nothing but the enumeration.</summary>
    public async IAsyncEnumerable<object?[]> ReadAllAsync(string tableName, IReadOnlyList<DatasetColumn> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureSafeIdentifier(tableName);
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SelectList(columns)} FROM \"{tableName}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadRow(reader, columns);
    }

    /// <summary>Opens an allocation-free reader over every row in insertion order; the caller disposes it.</summary>
    /// <summary>Calls <paramref name="onRow"/> for every row in insertion order with an ADO.NET reader (typed values,
    /// convenient for a few columns); <see cref="OpenRowReader"/> is the allocation-free path for whole tables.</summary>
    public void ForEachRow(string tableName, IReadOnlyList<DatasetColumn> columns, Action<SqliteDataReader> onRow,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        EnsureSafeIdentifier(tableName);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SelectList(columns)} FROM \"{tableName}\" ORDER BY rowid";
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            if ((++rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            onRow(reader);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public TableRowReader OpenRowReader(string tableName, IReadOnlyList<DatasetColumn> columns)
    {
        EnsureSafeIdentifier(tableName);
        var connection = OpenConnection();
        try
        {
            return new TableRowReader(connection, $"SELECT {SelectList(columns)} FROM \"{tableName}\" ORDER BY rowid");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task DropTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        EnsureSafeIdentifier(tableName);
        await using var connection = OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP TABLE IF EXISTS \"{tableName}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string SelectList(IReadOnlyList<DatasetColumn> columns) =>
        string.Join(", ", columns.Select(c =>
        {
            EnsureSafeIdentifier(c.StorageName);
            return $"\"{c.StorageName}\"";
        }));

    private static object?[] ReadRow(SqliteDataReader reader, IReadOnlyList<DatasetColumn> columns)
    {
        var row = new object?[columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            if (reader.IsDBNull(i)) continue;
            row[i] = columns[i].Type switch
            {
                ColumnType.Integer => reader.GetInt64(i),
                ColumnType.Boolean => reader.GetInt64(i) != 0,
                ColumnType.Decimal => reader.GetDouble(i),
                ColumnType.DateTime => DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal),
                _ => reader.GetString(i),
            };
        }
        return row;
    }

    internal static void EnsureSafeIdentifier(string identifier)
    {
        if (identifier.Length == 0 || identifier.Length > 64 || !identifier.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            throw new ArgumentException($"'{identifier}' is not a storage identifier.", nameof(identifier));
    }
}
