using System.Globalization;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace Studio.Data.Datasets;

/// <summary>
/// Writes rows of one table inside the caller's transaction. Rows are typed into a <see cref="RowChunk"/> on the
/// caller's thread while a second thread inserts the previous chunk (<see cref="ChunkInserter"/>), so parsing and
/// SQLite overlap on two cores. Call <see cref="Flush"/> before reading <see cref="RowsWritten"/>; an insert failure
/// surfaces on the next <see cref="EndRow"/> or <see cref="Flush"/>. Dispose waits for the insert thread, so the
/// caller may roll back safely afterwards.
/// </summary>
public sealed class TableRowWriter : IRowSink, IDisposable
{
    private const int BatchesPerChunk = 16;
    private const int ChunksInFlight = 2;

    private readonly ChunkInserter _inserter;
    private readonly int _columnCount;
    private readonly Queue<RowChunk> _full = new();
    private readonly Stack<RowChunk> _free = new();
    private readonly object _gate = new();
    private readonly Thread _insertThread;
    private RowChunk _current;
    private long _submitted, _completed, _rowsWritten;
    private Exception? _failure;
    private bool _completing, _disposed;

    internal TableRowWriter(SqliteConnection connection, SqliteTransaction transaction, string tableName,
        IReadOnlyList<DatasetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(transaction); // rows are only written inside the caller's transaction
        DatasetTableStore.EnsureSafeIdentifier(tableName);
        foreach (var c in columns) DatasetTableStore.EnsureSafeIdentifier(c.StorageName);
        _columnCount = columns.Count;
        _inserter = new ChunkInserter(connection, tableName, columns);
        _current = NewChunk();
        _insertThread = new Thread(InsertLoop) { IsBackground = true, Name = "Studio table insert" };
        _insertThread.Start();
    }

    public int BatchRows => _inserter.BatchRows;
    public long RowsWritten => Interlocked.Read(ref _rowsWritten);

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

    public void Null(int column) => _current.Slot(column) = default;
    public void Integer(int column, long value) => _current.Slot(column) = new Cell(CellKind.Integer, value, 0, 0);
    public void Real(int column, double value) =>
        _current.Slot(column) = double.IsNaN(value) ? default : new Cell(CellKind.Real, BitConverter.DoubleToInt64Bits(value), 0, 0);
    public void Text(int column, ReadOnlySpan<char> value) => _current.SetText(column, value);

    /// <summary>ISO 8601 in UTC with a Z, the format <see cref="DatasetTableStore"/> reads back.</summary>
    public void Utc(int column, DateTime utc) => _current.SetUtc(column, utc);

    /// <summary>Ends the row; columns not set since the last row are NULL.</summary>
    public void EndRow()
    {
        _current.EndRow();
        if (_current.IsFull) Submit();
    }

    /// <summary>Inserts every buffered row and waits until they are in the table.</summary>
    public void Flush()
    {
        if (_current.Rows > 0) Submit();
        lock (_gate)
        {
            while (_completed < _submitted && _failure is null) Monitor.Wait(_gate);
        }
        ThrowIfFailed();
    }

    private void Submit()
    {
        ThrowIfFailed();
        RowChunk? next;
        lock (_gate)
        {
            while (_full.Count >= ChunksInFlight && _failure is null) Monitor.Wait(_gate);
            _submitted++;
            _full.Enqueue(_current);
            Monitor.PulseAll(_gate);
            _free.TryPop(out next);
        }
        _current = next ?? NewChunk();
    }

    /// <summary>The next chunk to insert, or null once the writer is disposed and the queue is empty.</summary>
    private RowChunk? Take()
    {
        lock (_gate)
        {
            while (_full.Count == 0 && !_completing) Monitor.Wait(_gate);
            return _full.TryDequeue(out var chunk) ? chunk : null;
        }
    }

    private RowChunk NewChunk() => new(_columnCount, _inserter.BatchRows * BatchesPerChunk);

    private void InsertLoop()
    {
        while (Take() is { } chunk)
        {
            // After a failure, or once disposed without a flush (the caller is rolling back), chunks are only recycled.
            if (Volatile.Read(ref _failure) is null && !Volatile.Read(ref _completing))
            {
                try
                {
                    Interlocked.Add(ref _rowsWritten, _inserter.Insert(chunk));
                }
#pragma warning disable CA1031 // any failure is handed to the writing thread, which rethrows it
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Volatile.Write(ref _failure, e);
                }
            }
            chunk.Reset();
            lock (_gate)
            {
                _free.Push(chunk);
                _completed++;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure) ExceptionDispatchInfo.Capture(failure).Throw();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_gate)
        {
            _completing = true;
            Monitor.PulseAll(_gate);
        }
        _insertThread.Join();
        _inserter.Dispose();
    }
}
