using System.Globalization;

namespace Studio.Core.SampleData.Customers;

/// <summary>
/// A customer's static attributes (written to customers.csv) and hidden traits (segment, timing,
/// tastes, latent value) that drive behaviour. Indices refer to <see cref="RetailVocabulary"/>.
/// </summary>
internal sealed record Customer(
    int Index,
    int Segment,
    DateOnly SignupDate,
    int Age,
    int Gender,
    int Region,
    int CityTier,
    int Channel,
    int IncomeBand,
    int LoyaltyTier,
    bool EmailOptIn,
    int PreferredDevice,
    double PeakHour,
    double Activity,
    double LogValue,
    double[] CategoryCumulative)
{
    public string Id => CustomerIds.Format(Index);

    public AgeBand AgeBand => Age switch
    {
        < 30 => AgeBand.Young,
        < 50 => AgeBand.Middle,
        _ => AgeBand.Senior,
    };
}

internal enum AgeBand
{
    Young,
    Middle,
    Senior,
}

internal static class CustomerIds
{
    public static string Format(int index) => "C" + (index + 1).ToString("D6", CultureInfo.InvariantCulture);
}
