namespace Studio.Web.Components.Pages.Projections;

/// <summary>Finds a point by its key: exact match first, then case-insensitive, then the first key containing the text.</summary>
public static class PointSearch
{
    public static int Find(IReadOnlyList<string> keys, string text)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrWhiteSpace(text)) return -1;
        var exact = IndexOf(keys, k => string.Equals(k, text, StringComparison.Ordinal));
        if (exact >= 0) return exact;
        var folded = IndexOf(keys, k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
        return folded >= 0 ? folded : IndexOf(keys, k => k.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static int IndexOf(IReadOnlyList<string> keys, Func<string, bool> match)
    {
        for (var i = 0; i < keys.Count; i++)
            if (match(keys[i])) return i;
        return -1;
    }
}
