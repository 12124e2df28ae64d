using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace Studio.Analysis.Profiling;

/// <summary>
/// Collects a fixed-size value type and its validity into plain arrays, then hands them to DataFrame's Arrow-layout
/// constructor in one go: appending to a DataFrame column value by value dominated profile time.
/// </summary>
internal sealed class PrimitiveColumnBuilder<T>(string name) where T : unmanaged
{
    private T[] _values = new T[1024];
    private byte[] _validity = new byte[128];
    private int _length;
    private int _nullCount;

    public void Append(T? value)
    {
        if (_length == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
            Array.Resize(ref _validity, _values.Length / 8);
        }
        if (value is { } v)
        {
            _values[_length] = v;
            _validity[_length >> 3] |= (byte)(1 << (_length & 7)); // Arrow: bit set = value present
        }
        else
        {
            _nullCount++;
        }
        _length++;
    }

    public DataFrameColumn Build()
    {
        var bytes = MemoryMarshal.AsBytes(_values.AsSpan(0, _length)).ToArray();
        var validity = _validity.AsSpan(0, (_length + 7) / 8).ToArray();
        return typeof(T) == typeof(long) ? new Int64DataFrameColumn(name, bytes, validity, _length, _nullCount)
            : typeof(T) == typeof(double) ? new DoubleDataFrameColumn(name, bytes, validity, _length, _nullCount)
            : typeof(T) == typeof(DateTime) ? new DateTimeDataFrameColumn(name, bytes, validity, _length, _nullCount)
            : throw new NotSupportedException(typeof(T).Name);
    }
}
