namespace Studio.Core.SampleData.Segments;

/// <summary>The six planted segments. Written to truth/segments.csv.</summary>
internal static class SegmentCatalog
{
    // Category indices: 0 electronics, 1 fashion, 2 beauty, 3 home, 4 sports, 5 grocery, 6 toys, 7 books.
    // Channel indices: 0 organic, 1 paid_search, 2 social, 3 email, 4 referral, 5 affiliate.
    // Device indices: 0 mobile, 1 desktop, 2 tablet, 3 app.
    public static IReadOnlyList<SegmentProfile> All { get; } =
    [
        new(0, "bargain_hunters", 0.20, [5, 3], 2.5, 12.5, 5, 0, 1.0, 46, 0.55,
            [0.50, 0.35, 0.12, 0.03], [0.55, 0.30, 0.12, 0.03], 0.55, -0.3, -0.3),
        new(1, "tech_enthusiasts", 0.16, [0, 7], -1.5, 22.5, 1, 1, 1.2, 31, 0.30,
            [0.10, 0.35, 0.40, 0.15], [0.45, 0.30, 0.18, 0.07], 0.40, 0.4, 0.2),
        new(2, "style_seekers", 0.18, [1, 2], -0.7, 20.0, 2, 3, 1.15, 28, 0.75,
            [0.20, 0.45, 0.27, 0.08], [0.40, 0.30, 0.20, 0.10], 0.60, 0.1, 0.0),
        new(3, "active_lifestyle", 0.14, [4], 0.0, 7.0, 3, 0, 1.0, 35, 0.45,
            [0.15, 0.45, 0.30, 0.10], [0.40, 0.30, 0.20, 0.10], 0.75, 0.0, 0.0),
        new(4, "young_families", 0.17, [6], 1.0, 15.0, 4, 2, 0.9, 36, 0.60,
            [0.20, 0.50, 0.25, 0.05], [0.50, 0.30, 0.15, 0.05], 0.50, 0.0, -0.1),
        new(5, "premium_loyalists", 0.15, [2, 3], -2.0, 9.5, 0, 3, 1.1, 52, 0.55,
            [0.03, 0.17, 0.40, 0.40], [0.10, 0.25, 0.35, 0.30], 0.70, 0.6, 0.4),
    ];

    public static int Count => All.Count;

    /// <summary>Weight of the favourite categories in a segment's category mix.</summary>
    public static double[] CategoryWeights(SegmentProfile segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var categories = RetailVocabulary.Categories.Count;
        var favourites = segment.FavouriteCategories;
        var favouriteMass = favourites.Count == 1 ? 0.56 : 0.62;
        var weights = new double[categories];
        var rest = (1.0 - favouriteMass) / (categories - favourites.Count);
        Array.Fill(weights, rest);
        if (favourites.Count == 1)
        {
            weights[favourites[0]] = favouriteMass;
        }
        else
        {
            weights[favourites[0]] = 0.36;
            weights[favourites[1]] = favouriteMass - 0.36;
        }

        return weights;
    }
}
