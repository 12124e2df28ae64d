using System.Runtime.InteropServices;
using Studio.Ml.Projections.Attributes;

namespace Studio.Web.Components.Pages.Projections;

/// <summary>
/// Per-point colour and size as float32 bytes (binary over interop). A categorical colour is a code per point with
/// <see cref="Palette"/>/<see cref="Categories"/>: the most frequent categories keep their own colour, the rest are "Other".
/// </summary>
public sealed record ScatterStyle(byte[]? ColorBytes, string? ColorTitle, IReadOnlyList<string>? Palette, IReadOnlyList<string>? Categories,
    byte[]? SizeBytes, byte[]? SizeValueBytes, string? SizeTitle)
{
    public const int MaxCategories = 12;

    public static readonly IReadOnlyList<string> CategoryPalette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#843c39"];

    public const string OtherColor = "#b0b0b0";

    public static ScatterStyle Empty { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Category legend entries (label, colour, count) of a categorical colouring.</summary>
    public IReadOnlyList<(string Label, string Color, int Count)> Legend { get; init; } = [];

    public static ScatterStyle From(AttributeValues? color, AttributeValues? size)
    {
        var style = Empty;
        if (color?.Labels is { } labels) style = Categorical(labels, color.Option.Label);
        else if (color?.Numbers is { } numbers) style = style with { ColorBytes = Bytes(FillMissing(numbers)), ColorTitle = color.Option.Label };
        if (size?.Numbers is { } values)
            style = style with { SizeBytes = Bytes(Sizes(values)), SizeValueBytes = Bytes(values.Select(v => (float)v).ToArray()), SizeTitle = size.Option.Label };
        return style;
    }

    private static ScatterStyle Categorical(IReadOnlyList<string?> labels, string title)
    {
        var counts = labels.GroupBy(l => l ?? "(missing)").Select(g => (Label: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        var kept = counts.Take(counts.Count <= MaxCategories ? MaxCategories : MaxCategories - 1).ToList();
        var codes = kept.Select((c, i) => (c.Label, i)).ToDictionary(c => c.Label, c => c.i, StringComparer.Ordinal);
        var categories = kept.Select(c => c.Label).ToList();
        var palette = CategoryPalette.Take(kept.Count).ToList();
        var legend = kept.Select((c, i) => (c.Label, palette[i], c.Count)).ToList();
        if (kept.Count < counts.Count)
        {
            categories.Add("Other");
            palette.Add(OtherColor);
            legend.Add(("Other", OtherColor, counts.Skip(kept.Count).Sum(c => c.Count)));
        }
        var other = kept.Count;
        var values = labels.Select(l => (float)(codes.TryGetValue(l ?? "(missing)", out var code) ? code : other)).ToArray();
        return Empty with { ColorBytes = Bytes(values), ColorTitle = title, Palette = palette, Categories = categories, Legend = legend };
    }

    // Missing values take the minimum so the colour scale stays defined; the hover still shows the point's key.
    private static float[] FillMissing(IReadOnlyList<double> numbers)
    {
        var present = numbers.Where(double.IsFinite).ToList();
        var floor = present.Count == 0 ? 0 : present.Min();
        return numbers.Select(v => (float)(double.IsFinite(v) ? v : floor)).ToArray();
    }

    /// <summary>Marker diameters 3–15 px by the square root of the value's position in its range (area ∝ value).</summary>
    public static float[] Sizes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(double.IsFinite).ToList();
        if (present.Count == 0) return values.Select(_ => 4f).ToArray();
        var (min, max) = (present.Min(), present.Max());
        var range = max - min;
        return values.Select(v => double.IsFinite(v) ? (float)(3 + 12 * Math.Sqrt(range > 0 ? (v - min) / range : 0.5)) : 3f).ToArray();
    }

    private static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
