using Microsoft.Data.Analysis;

namespace Studio.Analysis.Profiling;

/// <summary>Counts rows equal in every column to an earlier row, by a 64-bit hash per row.</summary>
internal static class DuplicateRows
{
    public static long Count(DataFrame frame)
    {
        var hashes = new ulong[frame.Rows.Count];
        Array.Fill(hashes, 14695981039346656037UL);
        foreach (var column in frame.Columns)
        {
            switch (column)
            {
                case Int64DataFrameColumn c: Fold(hashes, c, static v => (ulong)v); break;
                case DoubleDataFrameColumn c: Fold(hashes, c, static v => (ulong)BitConverter.DoubleToInt64Bits(v)); break;
                case BooleanDataFrameColumn c: Fold(hashes, c, static v => v ? 1UL : 2UL); break;
                case DateTimeDataFrameColumn c: Fold(hashes, c, static v => (ulong)v.Ticks); break;
                case StringDataFrameColumn c:
                    for (var i = 0; i < hashes.Length; i++) hashes[i] = Mix(hashes[i], c[i] is { } s ? Fnv(s) : NullHash);
                    break;
                default:
                    for (var i = 0; i < hashes.Length; i++) hashes[i] = Mix(hashes[i], HashOf(column[i]));
                    break;
            }
        }
        var seen = new HashSet<ulong>();
        long duplicates = 0;
        foreach (var h in hashes) if (!seen.Add(h)) duplicates++;
        return duplicates;
    }

    private const ulong NullHash = 0x9E3779B97F4A7C15UL;

    private static void Fold<T>(ulong[] hashes, PrimitiveDataFrameColumn<T> column, Func<T, ulong> hash) where T : unmanaged
    {
        for (var i = 0; i < hashes.Length; i++)
            hashes[i] = Mix(hashes[i], column[i] is { } v ? hash(v) : NullHash);
    }

    private static ulong HashOf(object? value) => value switch
    {
        null => NullHash,
        long l => (ulong)l,
        double d => (ulong)BitConverter.DoubleToInt64Bits(d),
        bool b => b ? 1UL : 2UL,
        DateTime t => (ulong)t.Ticks,
        string s => Fnv(s),
        _ => Fnv(value.ToString() ?? ""),
    };

    private static ulong Fnv(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in s)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>splitmix64 finaliser over the running hash and the next value.</summary>
    private static ulong Mix(ulong running, ulong value)
    {
        var z = running * 31 + value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
