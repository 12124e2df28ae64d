using Studio.Core.SampleData.Customers;

namespace Studio.Core.SampleData.Offers;

/// <summary>
/// The campaign system's stochastic policy that chose which offer to send: a softmax over offers
/// whose scores depend on visible attributes (not the hidden segment), mixed with a uniform floor
/// so every offer keeps probability at least <see cref="Floor"/>. Probabilities are rounded to six
/// places (the last absorbs the rounding) and then used as rounded, so offers.csv holds the exact
/// propensity for off-policy evaluation.
/// </summary>
internal static class LoggingPolicy
{
    public const double Floor = 0.05;

    public static double[] Probabilities(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var offers = RetailVocabulary.Offers.Count;
        Span<double> score =
        [
            0.3,
            customer.IncomeBand switch { 0 => 0.9, 1 => 0.3, _ => 0 },
            (customer.CityTier == 3 ? 0.6 : 0) + (customer.Channel == 5 ? 0.4 : 0),
            customer.Age < 40 ? 0.7 : 0,
            customer.LoyaltyTier switch { 0 => 0, 1 => 0.4, _ => 1.1 },
        ];
        var max = 0.0;
        foreach (var s in score)
        {
            max = Math.Max(max, s);
        }

        var total = 0.0;
        for (var i = 0; i < offers; i++)
        {
            score[i] = Math.Exp(score[i] - max);
            total += score[i];
        }

        var probabilities = new double[offers];
        var assigned = 0.0;
        for (var i = 0; i < offers - 1; i++)
        {
            var p = Floor + ((1 - (offers * Floor)) * score[i] / total);
            probabilities[i] = Math.Round(p, 6, MidpointRounding.AwayFromZero);
            assigned += probabilities[i];
        }

        probabilities[offers - 1] = Math.Round(1 - assigned, 6, MidpointRounding.AwayFromZero);
        return probabilities;
    }
}
