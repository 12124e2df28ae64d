using System.Globalization;
using System.Text;

namespace Studio.Benchmarks.Ingest;

/// <summary>
/// A deterministic events-like CSV (8 columns, about 60 bytes a row) until the sample-data generator lands:
/// customer_id, product_id, timestamp, event_type, quantity, revenue, device, session.
/// </summary>
public static class EventsCsvGenerator
{
    public const int DefaultRows = 1_000_000;

    private static readonly string[] EventTypes = ["view", "view", "view", "click", "add_to_cart", "purchase", "return"];
    private static readonly string[] Devices = ["mobile", "desktop", "tablet"];

    public static void Write(string path, int rows, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("customer_id,product_id,timestamp,event_type,quantity,revenue,device,session\n");
        var session = 0;
        var line = new StringBuilder(96);
        for (var i = 0; i < rows; i++)
        {
            if (random.Next(8) == 0) session++;
            var eventType = EventTypes[random.Next(EventTypes.Length)];
            var quantity = random.Next(1, 6);
            var revenue = eventType == "purchase" ? quantity * (random.Next(199, 19999) / 100.0) : 0;
            var time = start.AddSeconds(i * 31 + random.Next(30));
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{random.Next(1, 100_001)},{random.Next(1, 5_001)},{time:yyyy-MM-dd'T'HH:mm:ss'Z'},");
            line.Append(CultureInfo.InvariantCulture, $"{eventType},{quantity},{revenue:0.##},{Devices[random.Next(Devices.Length)]},s{session:D7}\n");
            writer.Write(line);
        }
    }

    public static int WriteAndSay(string path, int rows)
    {
        Write(path, rows);
        Console.WriteLine($"wrote {rows:N0} rows, {new FileInfo(path).Length:N0} bytes to {path}");
        return 0;
    }
}
