using Studio.Core.SampleData;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>One small generated set shared by the schema and planted-structure tests.</summary>
public sealed class GeneratedDataFixture : IDisposable
{
    public static readonly GeneratorOptions Options = new(Seed: 7, Customers: 4000, Products: 200, TargetEvents: 60_000, Days: 120);

    public GeneratedDataFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "studio-gen-" + Guid.NewGuid().ToString("N"));
        Summary = RetailDataGenerator.WriteTo(Directory, Options);
        Customers = CsvTable.Read(PathOf("customers.csv"));
        Products = CsvTable.Read(PathOf("products.csv"));
        Events = CsvTable.Read(PathOf("events.csv"));
        Offers = CsvTable.Read(PathOf("offers.csv"));
        Experiments = CsvTable.Read(PathOf("experiments.csv"));
        CustomerTruth = CsvTable.Read(PathOf("truth/customers_truth.csv"));
        Segments = CsvTable.Read(PathOf("truth/segments.csv"));
        Triggers = CsvTable.Read(PathOf("truth/triggers.csv"));
        OfferResponse = CsvTable.Read(PathOf("truth/offer_response.csv"));
        ExperimentEffects = CsvTable.Read(PathOf("truth/experiment_effects.csv"));
        SegmentOf = CustomerTruth.Rows.ToDictionary(r => r[0], r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public string Directory { get; }

    public GeneratedSummary Summary { get; }

    public CsvTable Customers { get; }

    public CsvTable Products { get; }

    public CsvTable Events { get; }

    public CsvTable Offers { get; }

    public CsvTable Experiments { get; }

    public CsvTable CustomerTruth { get; }

    public CsvTable Segments { get; }

    public CsvTable Triggers { get; }

    public CsvTable OfferResponse { get; }

    public CsvTable ExperimentEffects { get; }

    public IReadOnlyDictionary<string, int> SegmentOf { get; }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
