using Studio.Core.SampleData.Events;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Customers;

/// <summary>
/// The true probability of purchasing in the 30 days after the window: sigmoid of a score with
/// non-linear recency and frequency terms and interactions (loyalty × channel, age band × income,
/// opt-in × recency, frequency × lapse) that a linear model on the raw columns cannot express.
/// The intercept is solved so the mean probability equals <see cref="BaseRate"/>.
/// </summary>
internal static class PropensityModel
{
    public const double BaseRate = 0.11;

    public static double[] Compute(IReadOnlyList<Customer> customers, CustomerBehaviour behaviour, int days)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(behaviour);
        var scores = customers.Select(c => Score(c, behaviour, days)).ToArray();
        var intercept = SolveIntercept(scores);
        // Rounded to six places before the label is drawn, so the truth file holds the exact value used.
        return scores.Select(s => Math.Round(Sigmoid(intercept + s), 6, MidpointRounding.AwayFromZero)).ToArray();
    }

    private static double Score(Customer customer, CustomerBehaviour behaviour, int days)
    {
        var c = customer.Index;
        var purchases = behaviour.Purchases[c];
        var neverBought = behaviour.LastPurchaseDay[c] < 0;
        var recencyDays = neverBought ? 365.0 : days - behaviour.LastPurchaseDay[c];

        // Repurchase cycle: a bump around 25 days since the last purchase, not a monotone decay.
        var score = (2.0 * Math.Exp(-0.5 * Math.Pow((recencyDays - 25) / 12.0, 2)))
            - (neverBought ? 0.5 : 0)
            + (0.6 * Math.Log(1 + purchases))
            + (0.35 * Math.Log(1 + behaviour.SessionsLast30Days[c]))
            + SegmentCatalog.All[customer.Segment].PropensityOffset;

        // Checkerboard interactions: their main effects nearly cancel, so one-hot columns alone miss them.
        var loyal = customer.LoyaltyTier >= 2;
        score += RetailVocabulary.Channels[customer.Channel] switch
        {
            "email" or "referral" => loyal ? 1.4 : -0.6,
            "paid_search" or "affiliate" => loyal ? -1.0 : 0.4,
            _ => 0,
        };
        var wealthy = customer.IncomeBand >= 2;
        var poor = customer.IncomeBand == 0;
        score += customer.AgeBand switch
        {
            AgeBand.Young => wealthy ? 1.4 : poor ? -0.8 : 0,
            AgeBand.Senior => wealthy ? -0.8 : poor ? 0.6 : 0,
            _ => 0,
        };
        if (customer.EmailOptIn)
        {
            score += recencyDays <= 30 ? 0.8 : recencyDays > 120 ? -0.4 : 0;
        }

        // Lapsed regulars: frequent buyers who stopped are less likely than their history suggests.
        if (purchases >= 3 && recencyDays > 60)
        {
            score -= 1.2;
        }

        return score;
    }

    private static double SolveIntercept(double[] scores)
    {
        double low = -20, high = 20;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            var mean = scores.Average(s => Sigmoid(mid + s));
            if (mean < BaseRate)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
