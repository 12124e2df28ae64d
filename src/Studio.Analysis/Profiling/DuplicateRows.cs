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
            for (long i = 0; i < column.Length; i++)
                hashes[i] = Mix(hashes[i], HashOf(column[i]));
        }
        var seen = new HashSet<ulong>();
        long duplicates = 0;
        foreach (var h in hashes) if (!seen.Add(h)) duplicates++;
        return duplicates;
    }

    private static ulong HashOf(object? value) => value switch
    {
        null => 0x9E3779B97F4A7C15UL,
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
