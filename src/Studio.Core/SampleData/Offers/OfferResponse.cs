namespace Studio.Core.SampleData.Offers;

/// <summary>
/// True probability that one send converts, by segment and offer (none, discount_10,
/// free_shipping, bundle, loyalty_points). Each row's best offer beats the runner-up by at least
/// three points, so a bandit has something clear to find. Written to truth/offer_response.csv.
/// </summary>
internal static class OfferResponse
{
    private static readonly double[][] Conversion =
    [
        [0.020, 0.095, 0.050, 0.040, 0.030], // bargain_hunters: discount_10
        [0.025, 0.040, 0.050, 0.090, 0.035], // tech_enthusiasts: bundle
        [0.030, 0.050, 0.095, 0.045, 0.040], // style_seekers: free_shipping
        [0.025, 0.045, 0.040, 0.040, 0.085], // active_lifestyle: loyalty_points
        [0.020, 0.060, 0.055, 0.100, 0.030], // young_families: bundle
        [0.030, 0.035, 0.050, 0.045, 0.110], // premium_loyalists: loyalty_points
    ];

    /// <summary>Mean order value of a converted send per segment, before the offer's multiplier.</summary>
    private static readonly double[] OrderValue = [35, 180, 70, 65, 55, 150];

    /// <summary>discount_10 trims the basket, bundle grows it.</summary>
    private static readonly double[] OfferValueMultiplier = [1.0, 0.9, 1.0, 1.3, 1.0];

    public static double Probability(int segment, int offer) => Conversion[segment][offer];

    public static double MeanOrderValue(int segment, int offer) => OrderValue[segment] * OfferValueMultiplier[offer];

    public static int BestOffer(int segment)
    {
        var row = Conversion[segment];
        return Array.IndexOf(row, row.Max());
    }
}
