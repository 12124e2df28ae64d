using Studio.Core.SampleData.Randomness;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Customers;

/// <summary>
/// Draws customers: the segment first, then attributes that lean towards the segment's profile
/// without revealing it (a preferred channel only half the time, wide age spread), so behaviour
/// carries information the static columns do not.
/// </summary>
internal static class CustomerFactory
{
    private static readonly double[] RegionWeights = [0.20, 0.22, 0.20, 0.20, 0.18];
    private const double ActivitySpread = 0.5;

    public static IReadOnlyList<Customer> Create(GeneratorOptions options, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var segments = SegmentCatalog.All;
        var shares = segments.Select(s => s.Share).ToArray();
        var customers = new Customer[options.Customers];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = CreateOne(i, segments[random.Choose(shares)], options, random);
        }

        return customers;
    }

    private static Customer CreateOne(int index, SegmentProfile segment, GeneratorOptions options, SeededRandom random)
    {
        var signup = options.Start.AddDays(-1 - random.NextInt(3 * 365));
        var age = (int)Math.Clamp(Math.Round(random.Normal(segment.MeanAge, 10)), 18, 85);
        var genderDraw = random.NextDouble();
        var gender = genderDraw < 0.03 ? 2 : genderDraw < 0.03 + (0.97 * segment.FemaleShare) ? 0 : 1;
        var region = random.Choose(RegionWeights);
        var premiumCity = segment.LogValue >= 0.4;
        var cityTier = 1 + random.Choose(premiumCity ? [0.55, 0.30, 0.15] : [0.38, 0.36, 0.26]);
        var channel = random.Bernoulli(0.5) ? segment.PreferredChannel : random.NextInt(RetailVocabulary.Channels.Count);
        var income = random.Choose(segment.IncomeWeights.ToArray());
        var loyalty = random.Choose(segment.LoyaltyWeights.ToArray());
        var optIn = random.Bernoulli(segment.EmailOptIn);
        var device = random.Bernoulli(0.65) ? segment.PreferredDevice : random.NextInt(RetailVocabulary.Devices.Count);
        var peakHour = segment.PeakHour + random.Normal(0, 0.7);
        var activity = segment.Activity * Math.Exp(random.Normal(0, ActivitySpread) - (ActivitySpread * ActivitySpread / 2));
        var logValue = random.Normal(segment.LogValue, 0.9);
        return new Customer(index, segment.Id, signup, age, gender, region, cityTier, channel, income, loyalty,
            optIn, device, peakHour, activity, logValue, PersonalTaste(segment, random));
    }

    /// <summary>The segment's category mix with a small personal jitter, as a cumulative table.</summary>
    private static double[] PersonalTaste(SegmentProfile segment, SeededRandom random)
    {
        var weights = SegmentCatalog.CategoryWeights(segment);
        var cumulative = new double[weights.Length];
        var total = 0.0;
        for (var c = 0; c < weights.Length; c++)
        {
            total += weights[c] * Math.Exp(random.Normal(0, 0.3));
            cumulative[c] = total;
        }

        return cumulative;
    }
}
