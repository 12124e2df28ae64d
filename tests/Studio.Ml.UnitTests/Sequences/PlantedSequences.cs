using System.Globalization;
using Studio.Ml.Sequences.Data;

namespace Studio.Ml.UnitTests.Sequences;

/// <summary>
/// Seeded synthetic shop: items 0..59 in 6 categories (item % 6), popularity ~ 1 / (rank + 5), each customer with a
/// favourite category (half of their picks). Planted rule: after a purchase of trigger item j (j = 0..9, the most
/// popular), each of the next 5 events is target item 10 + j (another category) with probability 0.2. A target's
/// base rate is about 1.8% per event (8.7% in 5 events); after its trigger it is about 70%, so ~8x more likely.
/// Timestamps strictly increase per customer.
/// </summary>
internal static class PlantedSequences
{
    public const int Items = 60;
    public const int Categories = 6;
    public const int Pairs = 10;
    public const int TargetOffset = 10;
    public const int Window = 5;
    public const double Step = 0.2;

    public static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Item(int i) => "item" + i.ToString("D2", CultureInfo.InvariantCulture);

    public static string Customer(int c) => "c" + c.ToString(CultureInfo.InvariantCulture);

    public static IEnumerable<(string Trigger, string Target)> PairNames() =>
        Enumerable.Range(0, Pairs).Select(j => (Item(j), Item(TargetOffset + j)));

    public static InteractionLog Generate(int seed, int customers, int minEvents = 20, int maxEvents = 30)
    {
        var random = new Random(seed);
        var popularity = Enumerable.Range(0, Items).Select(i => 1.0 / (i + 5)).ToArray();
        var total = popularity.Sum();
        var customerIds = new List<string>();
        var items = new List<string>();
        var categories = new List<string>();
        var types = new List<string>();
        var times = new List<DateTime>();
        for (var c = 0; c < customers; c++)
        {
            var favourite = random.Next(Categories);
            var time = Start.AddHours(random.Next(24 * 30));
            var pendingTarget = -1;
            var windowLeft = 0;
            var count = random.Next(minEvents, maxEvents + 1);
            for (var e = 0; e < count; e++)
            {
                int item;
                if (windowLeft > 0 && random.NextDouble() < Step)
                {
                    item = pendingTarget;
                    windowLeft = 0;
                }
                else
                {
                    item = random.NextDouble() < 0.5 ? favourite + (Categories * random.Next(Items / Categories)) : Draw(popularity, total, random);
                    windowLeft = Math.Max(0, windowLeft - 1);
                }

                var u = random.NextDouble();
                var type = u < 0.45 ? "view" : u < 0.65 ? "cart" : "purchase";
                if (type == "purchase" && item < Pairs)
                {
                    pendingTarget = TargetOffset + item;
                    windowLeft = Window;
                }

                time = time.AddHours(1 + random.Next(72));
                customerIds.Add(Customer(c));
                items.Add(Item(item));
                categories.Add("cat" + (item % Categories).ToString(CultureInfo.InvariantCulture));
                types.Add(type);
                times.Add(time);
            }
        }

        return new InteractionLog(customerIds, items, times) { Categories = categories, EventTypes = types };
    }

    private static int Draw(double[] weights, double total, Random random)
    {
        var u = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
