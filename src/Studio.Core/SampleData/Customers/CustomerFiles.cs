using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Customers;

/// <summary>Writes customers.csv (with the drawn label) and truth/customers_truth.csv (segment, exact propensity).</summary>
internal static class CustomerFiles
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "customer_id", "signup_date", "age", "gender", "region", "city_tier", "channel", "income_band",
        "loyalty_tier", "email_opt_in", "purchased_next_30d",
    ];

    public static IReadOnlyList<string> TruthHeader { get; } = ["customer_id", "segment", "true_propensity"];

    /// <returns>The share of customers labelled 1.</returns>
    public static double Write(
        string customersPath, string truthPath, IReadOnlyList<Customer> customers, double[] propensity, int seed)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(propensity);
        var random = new SeededRandom(seed, "labels");
        var positives = 0;
        using var csv = new CsvRowWriter(customersPath, Header);
        using var truth = new CsvRowWriter(truthPath, TruthHeader);
        foreach (var customer in customers)
        {
            var p = propensity[customer.Index];
            var label = random.Bernoulli(p);
            positives += label ? 1 : 0;
            csv.Text(customer.Id)
                .Date(customer.SignupDate)
                .Integer(customer.Age)
                .Text(RetailVocabulary.Genders[customer.Gender])
                .Text(RetailVocabulary.Regions[customer.Region])
                .Integer(customer.CityTier)
                .Text(RetailVocabulary.Channels[customer.Channel])
                .Text(RetailVocabulary.IncomeBands[customer.IncomeBand])
                .Text(RetailVocabulary.LoyaltyTiers[customer.LoyaltyTier])
                .Boolean(customer.EmailOptIn)
                .Flag(label)
                .EndRow();
            truth.Text(customer.Id).Integer(customer.Segment).Decimal(p, 6).EndRow();
        }

        return (double)positives / customers.Count;
    }
}
