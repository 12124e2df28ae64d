using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Products;
using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Events;

/// <summary>
/// Writes events.csv day by day: every customer's sessions of one day are simulated, sorted, and
/// the rows that cannot be overtaken any more (earlier than the next midnight) are written. Memory
/// holds one day of events, so the file size is bounded only by the disk.
/// </summary>
internal sealed class EventStream(
    GeneratorOptions options,
    IReadOnlyList<Customer> customers,
    IReadOnlyList<Product> products,
    ProductChooser chooser,
    TriggerPlan triggers,
    CustomerBehaviour behaviour)
{
    public static IReadOnlyList<string> Header { get; } =
        ["event_id", "customer_id", "product_id", "timestamp", "event_type", "quantity", "revenue", "device"];

    private const double WeekendBoost = 1.3;
    private const double PeakShare = 0.8;
    private const double PeakSpreadHours = 1.3;

    public long[] Write(string path, Action<double> reportFraction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reportFraction);
        var random = new SeededRandom(options.Seed, "events");
        var sessions = new SessionSimulator(products, chooser, triggers, behaviour, random, new SeededRandom(options.Seed, "trigger-reinforcement"));
        var meanActivity = customers.Average(c => c.Activity);
        var sessionsPerActivityDay = options.TargetEvents
            / (customers.Count * meanActivity * options.Days * SessionSimulator.ExpectedEventsPerSession);
        var customerIds = customers.Select(c => c.Id).ToArray();
        var productIds = products.Select(p => p.Id).ToArray();
        var counts = new long[RetailVocabulary.EventTypes.Count];
        var startTicks = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
        var buffer = new List<EventRow>();
        var starts = new List<long>();
        long eventId = 0;

        using var csv = new CsvRowWriter(path, Header);
        for (var day = 0; day < options.Days; day++)
        {
            ct.ThrowIfCancellationRequested();
            var dayFactor = DayFactor(options.Start.AddDays(day).DayOfWeek);
            var dayStart = day * 86_400L;
            var inLast30Days = day >= options.Days - 30;
            foreach (var customer in customers)
            {
                var count = random.Poisson(customer.Activity * sessionsPerActivityDay * dayFactor);
                if (count == 0)
                {
                    continue;
                }

                starts.Clear();
                for (var s = 0; s < count; s++)
                {
                    starts.Add(dayStart + (long)(SessionStartHour(customer, random) * 3600));
                }

                starts.Sort();
                foreach (var start in starts)
                {
                    var begin = Math.Max(start, behaviour.LastSessionEnd[customer.Index] + 120);
                    behaviour.LastSessionEnd[customer.Index] = sessions.Simulate(customer, day, begin, buffer);
                    if (inLast30Days)
                    {
                        behaviour.SessionsLast30Days[customer.Index]++;
                    }
                }
            }

            var final = day == options.Days - 1;
            eventId = Flush(csv, buffer, final ? long.MaxValue : dayStart + 86_400L, eventId, startTicks, customerIds, productIds, counts);
            reportFraction((day + 1.0) / options.Days);
        }

        return counts;
    }

    private static double DayFactor(DayOfWeek day)
    {
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return (weekend ? WeekendBoost : 1.0) / ((5 + (2 * WeekendBoost)) / 7);
    }

    private static double SessionStartHour(Customer customer, SeededRandom random)
    {
        var hour = random.Bernoulli(PeakShare)
            ? random.Normal(customer.PeakHour, PeakSpreadHours)
            : random.Uniform(0, 24);
        hour %= 24;
        return hour < 0 ? hour + 24 : hour;
    }

    private static long Flush(
        CsvRowWriter csv, List<EventRow> buffer, long before, long eventId, long startTicks,
        string[] customerIds, string[] productIds, long[] counts)
    {
        buffer.Sort(EventRow.CompareByTime);
        var written = 0;
        foreach (var row in buffer)
        {
            if (row.Seconds >= before)
            {
                break;
            }

            csv.Integer(++eventId)
                .Text(customerIds[row.Customer])
                .Text(productIds[row.Product])
                .Timestamp(new DateTime(startTicks + (row.Seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc))
                .Text(RetailVocabulary.EventTypes[row.Type])
                .Integer(row.Quantity)
                .Decimal(row.Revenue)
                .Text(RetailVocabulary.Devices[row.Device])
                .EndRow();
            counts[row.Type]++;
            written++;
        }

        buffer.RemoveRange(0, written);
        return eventId;
    }
}
