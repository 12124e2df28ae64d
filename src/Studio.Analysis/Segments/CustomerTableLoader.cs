using System.Globalization;
using Microsoft.Data.Sqlite;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Segments;

namespace Studio.Analysis.Segments;

/// <summary>
/// Loads customers dataset versions as <see cref="CustomerTable"/>s. Versions never change, so the few most recently
/// used tables are kept; a live rule preview then re-evaluates in memory instead of re-reading SQLite.
/// </summary>
public sealed class CustomerTableLoader(DatasetRepository datasets, DatasetTableStore tables)
{
    private const int Kept = 4;
    private readonly Lock _gate = new();
    private readonly List<(int DatasetId, Task<CustomerTable> Table)> _recent = [];

    public Task<CustomerTable> LoadAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        Task<CustomerTable> task;
        lock (_gate)
        {
            var at = _recent.FindIndex(e => e.DatasetId == datasetId);
            task = at >= 0 && !_recent[at].Table.IsFaulted && !_recent[at].Table.IsCanceled
                ? _recent[at].Table
                : Task.Run(() => ReadAsync(datasetId), CancellationToken.None);
            if (at >= 0) _recent.RemoveAt(at);
            _recent.Insert(0, (datasetId, task));
            if (_recent.Count > Kept) _recent.RemoveAt(_recent.Count - 1);
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task<CustomerTable> ReadAsync(int datasetId)
    {
        var dataset = await datasets.FindAsync(datasetId) ?? throw new SegmentValidationException($"Dataset #{datasetId} does not exist.");
        return Read(tables, dataset, CancellationToken.None);
    }

    /// <summary>Reads every row of <paramref name="dataset"/> into typed columns.</summary>
    public static CustomerTable Read(DatasetTableStore tables, Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(dataset);
        var keyColumn = DatasetKeys.RequireKeyColumn(dataset);
        var stored = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var rows = checked((int)dataset.RowCount);
        var columns = stored.Select(c => new AttributeColumn(c.Name, c.Type, rows)).ToArray();
        var keyAt = stored.FindIndex(c => c.Ordinal == keyColumn.Ordinal);
        var keys = new string[rows];
        var row = 0;
        tables.ForEachRow(dataset.TableName, stored, reader =>
        {
            if (row >= rows) return;
            for (var i = 0; i < columns.Length; i++) Fill(columns[i], reader, i, row);
            keys[row] = DatasetKeys.KeyText(reader.IsDBNull(keyAt) ? null : reader.GetValue(keyAt)) ?? "";
            row++;
        }, cancellationToken);
        return new CustomerTable(dataset.Id, keyColumn.Name, row == rows ? keys : keys[..row],
            row == rows ? columns : [.. columns.Select(c => Truncate(c, row))]);
    }

    private static void Fill(AttributeColumn column, SqliteDataReader reader, int ordinal, int row)
    {
        var missing = reader.IsDBNull(ordinal);
        switch (column.Kind)
        {
            case AttributeKind.Numeric:
                column.Numbers[row] = missing ? double.NaN : reader.GetDouble(ordinal);
                break;
            case AttributeKind.Date:
                column.DateTicks[row] = missing ? AttributeColumn.MissingDate
                    : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks;
                break;
            default:
                column.Labels[row] = missing ? null
                    : column.Type == ColumnType.Boolean ? (reader.GetInt64(ordinal) != 0 ? "true" : "false")
                    : DatasetKeys.KeyText(reader.GetValue(ordinal));
                break;
        }
    }

    private static AttributeColumn Truncate(AttributeColumn column, int rows)
    {
        var copy = new AttributeColumn(column.Name, column.Type, rows);
        column.Numbers.AsSpan(0, Math.Min(rows, column.Numbers.Length)).CopyTo(copy.Numbers);
        column.Labels.AsSpan(0, Math.Min(rows, column.Labels.Length)).CopyTo(copy.Labels);
        column.DateTicks.AsSpan(0, Math.Min(rows, column.DateTicks.Length)).CopyTo(copy.DateTicks);
        return copy;
    }
}
