using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Experiments;

/// <summary>
/// How a customer's latent value drives experiment outcomes. The same value drives the 90-day
/// pre-period spend, which is why pre_period_spend is a strong CUPED covariate.
/// </summary>
internal static class ExperimentOutcomeModel
{
    private const double LogOrderValue = 3.8;
    private const double OrderValueNoise = 0.3;
    private const double PrePeriodOrderRate = 4.0;
    private const double ExtraOrderRate = 0.8;

    public static double BaseConversion(Customer customer) =>
        PropensityModel.Sigmoid(-0.9 + (1.6 * customer.LogValue));

    public static double Conversion(Customer customer, ExperimentDesign design, int arm) =>
        Math.Clamp(BaseConversion(customer) + design.Lift(arm, customer.Segment), 0, 1);

    /// <summary>Exact expected revenue per user in the arm (lognormal mean, Poisson extra orders).</summary>
    public static double ExpectedRevenue(Customer customer, ExperimentDesign design, int arm)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(design);
        var orders = 1 + (ExtraOrderRate * BaseConversion(customer));
        var meanOrder = Math.Exp(LogOrderValue + customer.LogValue + (OrderValueNoise * OrderValueNoise / 2));
        return Conversion(customer, design, arm) * orders * meanOrder * design.Arms[arm].OrderValueMultiplier;
    }

    public static double PrePeriodSpend(Customer customer, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Orders(customer, random.Poisson(PrePeriodOrderRate * BaseConversion(customer)), 1.0, random);
    }

    public static (bool Converted, double Revenue) Outcome(Customer customer, ExperimentDesign design, int arm, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(design);
        if (!random.Bernoulli(Conversion(customer, design, arm)))
        {
            return (false, 0);
        }

        var count = 1 + random.Poisson(ExtraOrderRate * BaseConversion(customer));
        return (true, Orders(customer, count, design.Arms[arm].OrderValueMultiplier, random));
    }

    private static double Orders(Customer customer, int count, double multiplier, SeededRandom random)
    {
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += Math.Exp(LogOrderValue + customer.LogValue + random.Normal(0, OrderValueNoise)) * multiplier;
        }

        return total;
    }
}
