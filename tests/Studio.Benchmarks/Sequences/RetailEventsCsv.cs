using System.Globalization;
using nietras.SeparatedValues;
using Studio.Ml.Sequences.Data;

namespace Studio.Benchmarks.Sequences;

/// <summary>Reads the sample generator's events.csv (+ products.csv for categories, truth/triggers.csv for planted pairs).</summary>
internal static class RetailEventsCsv
{
    public static InteractionLog ReadEvents(string eventsPath, string? productsPath)
    {
        var categoryOf = new Dictionary<string, string>(StringComparer.Ordinal);
        if (productsPath is not null)
        {
            using var products = Sep.Reader().FromFile(productsPath);
            foreach (var row in products)
            {
                categoryOf[row["product_id"].ToString()] = row["category"].ToString();
            }
        }

        var customers = new List<string>();
        var items = new List<string>();
        var times = new List<DateTime>();
        var categories = new List<string>();
        var types = new List<string>();
        using var events = Sep.Reader().FromFile(eventsPath);
        foreach (var row in events)
        {
            var item = row["product_id"].ToString();
            customers.Add(row["customer_id"].ToString());
            items.Add(item);
            times.Add(DateTime.Parse(row["timestamp"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
            categories.Add(categoryOf.GetValueOrDefault(item, InteractionLog.NoValue));
            types.Add(row["event_type"].ToString());
        }

        return new InteractionLog(customers, items, times) { Categories = categories, EventTypes = types };
    }

    /// <summary>Product-level planted pairs (rows with a target product; category-level rows are skipped).</summary>
    public static List<(string Trigger, string Target)> ReadPairs(string triggersPath)
    {
        var pairs = new List<(string, string)>();
        using var reader = Sep.Reader().FromFile(triggersPath);
        foreach (var row in reader)
        {
            var target = row["target_product_id"].ToString();
            if (target.Length > 0)
            {
                pairs.Add((row["trigger_product_id"].ToString(), target));
            }
        }

        return pairs;
    }
}
