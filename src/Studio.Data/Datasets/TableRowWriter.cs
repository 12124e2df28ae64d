using System.Globalization;
using Microsoft.Data.Sqlite;
using Studio.Core.Datasets;

namespace Studio.Data.Datasets;

/// <summary>A prepared INSERT reused for every row of one table inside one transaction.</summary>
public sealed class TableRowWriter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly ColumnType[] _types;

    public long RowsWritten { get; private set; }

    internal TableRowWriter(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns)
    {
        DatasetTableStore.EnsureSafeIdentifier(tableName);
        _types = columns.Select(c => c.Type).ToArray();
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c.StorageName}\""));
        var placeholders = string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)));
        _command.CommandText = $"INSERT INTO \"{tableName}\" ({names}) VALUES ({placeholders})";
        _parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            _parameters[i] = _command.CreateParameter();
            _parameters[i].ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            _command.Parameters.Add(_parameters[i]);
        }
        _command.Prepare();
    }

    /// <summary>Values must already be typed: long, double, bool, DateTimeOffset, string or null.</summary>
    public void Write(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < _parameters.Length; i++)
            _parameters[i].Value = ToStorage(i < values.Length ? values[i] : null, _types[i]);
        _command.ExecuteNonQuery();
        RowsWritten++;
    }

    private static object ToStorage(object? value, ColumnType type) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime d => DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)
            .ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        double x when double.IsNaN(x) => DBNull.Value,
        double x when type == ColumnType.Decimal => x,
        _ => value,
    };

    public void Dispose() => _command.Dispose();
}
