namespace Studio.Core.SampleData.Segments;

/// <summary>
/// One latent customer segment: the hidden cause behind a customer's tastes, timing, channel and
/// value. Indices refer to <see cref="RetailVocabulary"/> lists.
/// </summary>
/// <param name="PriceSensitivity">Exponent on relative price: positive prefers cheap products,
/// negative prefers premium ones.</param>
/// <param name="PeakHour">Centre (UTC hour, fractional) of the segment's daily activity peak.</param>
/// <param name="LogValue">Mean of the customer's latent log spending level (experiments, offers).</param>
internal sealed record SegmentProfile(
    int Id,
    string Name,
    double Share,
    IReadOnlyList<int> FavouriteCategories,
    double PriceSensitivity,
    double PeakHour,
    int PreferredChannel,
    int PreferredDevice,
    double Activity,
    double MeanAge,
    double FemaleShare,
    IReadOnlyList<double> IncomeWeights,
    IReadOnlyList<double> LoyaltyWeights,
    double EmailOptIn,
    double LogValue,
    double PropensityOffset)
{
    public string PriceLabel => PriceSensitivity switch
    {
        >= 1.5 => "high (cheap products)",
        > 0.3 => "moderate (cheaper products)",
        > -0.3 => "neutral",
        > -1.5 => "low (pricier products)",
        _ => "very low (premium products)",
    };
}
