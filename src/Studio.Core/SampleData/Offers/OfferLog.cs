using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Offers;

/// <summary>
/// Writes offers.csv: campaign sends over the window, sorted by send time. The offer is drawn from
/// <see cref="LoggingPolicy"/>; conversion from the segment's true response in <see cref="OfferResponse"/>.
/// </summary>
internal static class OfferLog
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "offer_log_id", "customer_id", "send_time", "offer", "propensity", "opened", "clicked", "converted", "revenue",
    ];

    private static readonly int[] SendHours = [9, 12, 18];

    private readonly record struct Send(long Seconds, int Customer);

    /// <returns>Rows written.</returns>
    public static int Write(string path, GeneratorOptions options, IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(customers);
        var random = new SeededRandom(options.Seed, "offers");
        var sends = new List<Send>();
        foreach (var customer in customers)
        {
            var count = random.Poisson(options.OfferSendsPerCustomer);
            for (var i = 0; i < count; i++)
            {
                var day = random.NextInt(options.Days);
                var seconds = (day * 86_400L) + (SendHours[random.NextInt(SendHours.Length)] * 3600L) + random.NextInt(3600);
                sends.Add(new Send(seconds, customer.Index));
            }
        }

        // Stable order: by time, then by customer (two sends can share a second).
        sends.Sort((a, b) => a.Seconds != b.Seconds ? a.Seconds.CompareTo(b.Seconds) : a.Customer.CompareTo(b.Customer));

        var start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        using var csv = new CsvRowWriter(path, Header);
        var id = 0;
        foreach (var send in sends)
        {
            var customer = customers[send.Customer];
            var policy = LoggingPolicy.Probabilities(customer);
            var offer = random.Choose(policy);
            var converted = random.Bernoulli(OfferResponse.Probability(customer.Segment, offer));
            var opened = converted || random.Bernoulli(customer.EmailOptIn ? 0.30 : 0.12);
            var clicked = converted || (opened && random.Bernoulli(0.2));
            var revenue = converted
                ? OfferResponse.MeanOrderValue(customer.Segment, offer) * Math.Exp(random.Normal(-0.06125, 0.35))
                : 0;
            csv.Integer(++id)
                .Text(customer.Id)
                .Timestamp(start.AddSeconds(send.Seconds))
                .Text(RetailVocabulary.Offers[offer])
                .Decimal(policy[offer], 6)
                .Flag(opened)
                .Flag(clicked)
                .Flag(converted)
                .Decimal(revenue)
                .EndRow();
        }

        return id;
    }
}
