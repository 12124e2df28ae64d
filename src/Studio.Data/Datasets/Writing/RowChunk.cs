using System.Runtime.CompilerServices;
using System.Text;

namespace Studio.Data.Datasets;

/// <summary>
/// Rows of typed cells buffered by <see cref="TableRowWriter"/> and inserted by <see cref="ChunkInserter"/> on its own
/// thread. Text (and ISO date-times) is kept as UTF-8 in one growing byte buffer, so a row allocates nothing.
/// </summary>
internal sealed class RowChunk(int columnCount, int capacityRows)
{
    public Cell[] Cells { get; } = new Cell[columnCount * capacityRows];
    public int ColumnCount => columnCount;
    public int CapacityRows => capacityRows;
    public int Rows { get; private set; }
    public bool IsFull => Rows == capacityRows;
    public byte[] Text => _text;

    private byte[] _text = new byte[1 << 16];
    private int _textLength;

    public ref Cell Slot(int column) => ref Cells[Rows * columnCount + column];

    public void EndRow() => Rows++;

    public void Reset()
    {
        Array.Clear(Cells, 0, Rows * columnCount);
        Rows = 0;
        _textLength = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetText(int column, ReadOnlySpan<char> value)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _text.AsSpan(_textLength));
        Slot(column) = new Cell(CellKind.Text, 0, _textLength, length);
        _textLength += length;
    }

    /// <summary>Writes yyyy-MM-ddTHH:mm:ss[.fffffff]Z (trailing fraction zeros dropped), as the "FFFFFFF" format does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetUtc(int column, DateTime utc)
    {
        Reserve(28);
        var b = _text.AsSpan(_textLength);
        Digits(b, 0, 4, utc.Year);
        b[4] = (byte)'-';
        Digits(b, 5, 2, utc.Month);
        b[7] = (byte)'-';
        Digits(b, 8, 2, utc.Day);
        b[10] = (byte)'T';
        Digits(b, 11, 2, utc.Hour);
        b[13] = (byte)':';
        Digits(b, 14, 2, utc.Minute);
        b[16] = (byte)':';
        Digits(b, 17, 2, utc.Second);
        var length = 19;
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            b[19] = (byte)'.';
            Digits(b, 20, 7, fraction);
            length = 27;
            while (b[length - 1] == (byte)'0') length--;
        }
        b[length++] = (byte)'Z';
        Slot(column) = new Cell(CellKind.Text, 0, _textLength, length);
        _textLength += length;
    }

    private static void Digits(Span<byte> target, int start, int count, int value)
    {
        for (var i = start + count - 1; i >= start; i--)
        {
            target[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private void Reserve(int bytes)
    {
        if (_textLength + bytes > _text.Length) Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + bytes));
    }
}

internal enum CellKind : byte
{
    Null,
    Integer,
    Real,
    Text,
}

internal readonly record struct Cell(CellKind Kind, long Bits, int Offset, int Length);
