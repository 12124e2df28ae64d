using System.Runtime.CompilerServices;
namespace Studio.Analysis.Ingest.Inference;

/// <summary>Spellings of "no value" common in exports; they become NULL whatever the column's type.</summary>
public static class MissingValues
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        // Called for every cell: decide on the first character before any trimming or comparing.
        if (value.IsEmpty) return true;
        var first = value[0];
        if (first is not ('N' or 'n' or '-') && !char.IsWhiteSpace(first) && !char.IsWhiteSpace(value[^1])) return false;
        var v = value.Trim();
        return v.IsEmpty
            || v.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || v.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || v.Equals("null", StringComparison.OrdinalIgnoreCase)
            || v.Equals("none", StringComparison.OrdinalIgnoreCase)
            || v.SequenceEqual("-");
    }

    /// <summary>NaN and infinities: counted and stored as missing in decimal columns.</summary>
    public static bool IsNonFinite(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        if (v.Length > 0 && (v[0] == '+' || v[0] == '-')) v = v[1..];
        return v.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || v.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || v.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || v.SequenceEqual("∞");
    }
}
