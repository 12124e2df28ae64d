using System.Globalization;
using Studio.Core.SampleData;

namespace Studio.Ml.UnitTests.Segments;

/// <summary>The generator's retail data (default options) read back as plain columns, with the planted segment per customer.</summary>
internal sealed class PlantedSegmentsData
{
    private PlantedSegmentsData(IReadOnlyList<string[]> customers, IReadOnlyList<string> customerHeader, IReadOnlyList<string[]> events,
        IReadOnlyList<string> eventHeader, IReadOnlyDictionary<string, int> segmentOf)
    {
        Customers = customers;
        CustomerHeader = customerHeader;
        Events = events;
        EventHeader = eventHeader;
        SegmentOf = segmentOf;
    }

    public IReadOnlyList<string[]> Customers { get; }
    public IReadOnlyList<string> CustomerHeader { get; }
    public IReadOnlyList<string[]> Events { get; }
    public IReadOnlyList<string> EventHeader { get; }
    public IReadOnlyDictionary<string, int> SegmentOf { get; }
    public int SegmentCount => SegmentOf.Values.Distinct().Count();

    public static PlantedSegmentsData Generate(GeneratorOptions options)
    {
        var dir = Path.Combine(Path.GetTempPath(), "studio-segments-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            RetailDataGenerator.WriteTo(dir, options);
            var (customerHeader, customers) = Read(Path.Combine(dir, "customers.csv"));
            var (eventHeader, events) = Read(Path.Combine(dir, "events.csv"));
            var (_, truth) = Read(Path.Combine(dir, "truth", "customers_truth.csv"));
            var segments = truth.ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            return new PlantedSegmentsData(customers, customerHeader, events, eventHeader, segments);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public string?[] EventColumn(string name)
    {
        var at = IndexOf(EventHeader, name);
        return [.. Events.Select(r => r[at])];
    }

    public static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (header[i] == name) return i;
        throw new KeyNotFoundException(name);
    }

    // The generator writes no quoted fields, so a plain split reads its files exactly.
    private static (string[] Header, List<string[]> Rows) Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line.Split(','));
        return (header, rows);
    }
}
