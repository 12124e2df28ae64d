using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Events;
using Studio.Core.SampleData.Experiments;
using Studio.Core.SampleData.Offers;
using Studio.Core.SampleData.Products;
using Studio.Core.SampleData.Randomness;
using Studio.Core.SampleData.Segments;
using Studio.Core.SampleData.Truth;

namespace Studio.Core.SampleData;

/// <summary>
/// Generates the synthetic retail data set with planted truth (see sample-datasets/retail-demo/README.md).
/// Events stream to disk a day at a time; the same options give byte-identical files.
/// </summary>
public static class RetailDataGenerator
{
    public static IReadOnlyList<string> Files { get; } =
    [
        "customers.csv", "products.csv", "events.csv", "offers.csv", "experiments.csv",
        "truth/customers_truth.csv", "truth/segments.csv", "truth/triggers.csv", "truth/offer_response.csv",
        "truth/experiment_effects.csv", "truth/summary.json",
    ];

    /// <summary>Writes every file into <paramref name="outputDir"/> (created if missing, files overwritten).</summary>
    /// <param name="progress">Receives the completed fraction in [0, 1].</param>
    public static GeneratedSummary WriteTo(
        string outputDir, GeneratorOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDir);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var truthDir = Path.Combine(outputDir, "truth");
        Directory.CreateDirectory(truthDir);
        string PathOf(string file) => Path.Combine(outputDir, file);
        void Report(double fraction) => progress?.Report(fraction);

        var products = ProductCatalog.Build(options.Products, new SeededRandom(options.Seed, "products"));
        var customers = CustomerFactory.Create(options, new SeededRandom(options.Seed, "customers"));
        var chooser = new ProductChooser(products, SegmentCatalog.All);
        var triggers = TriggerPlan.Create(products, chooser, options.EffectiveTriggerPairs, new SeededRandom(options.Seed, "triggers"));
        ProductFiles.Write(PathOf("products.csv"), products);
        Report(0.02);

        var behaviour = new CustomerBehaviour(customers.Count);
        var stream = new EventStream(options, customers, products, chooser, triggers, behaviour);
        var byType = stream.Write(PathOf("events.csv"), f => Report(0.02 + (0.88 * f)), ct);

        ct.ThrowIfCancellationRequested();
        var propensity = PropensityModel.Compute(customers, behaviour, options.Days);
        var positiveShare = CustomerFiles.Write(
            PathOf("customers.csv"), PathOf("truth/customers_truth.csv"), customers, propensity, options.Seed);
        Report(0.93);

        ct.ThrowIfCancellationRequested();
        var offerRows = OfferLog.Write(PathOf("offers.csv"), options, customers);
        Report(0.96);
        var experimentRows = ExperimentLog.Write(PathOf("experiments.csv"), options, customers);
        Report(0.98);

        TruthFiles.WriteSegments(PathOf("truth/segments.csv"));
        TruthFiles.WriteTriggers(PathOf("truth/triggers.csv"), triggers, products, chooser);
        TruthFiles.WriteOfferResponse(PathOf("truth/offer_response.csv"));
        ExperimentTruth.Write(PathOf("truth/experiment_effects.csv"), customers);

        var summary = new GeneratedSummary(
            outputDir,
            options,
            customers.Count,
            products.Count,
            byType.Sum(),
            RetailVocabulary.EventTypes.Select((t, i) => (t, byType[i])).ToDictionary(x => x.t, x => x.Item2),
            offerRows,
            experimentRows,
            propensity.Average(),
            positiveShare,
            Files);
        SummaryJson.Write(PathOf("truth/summary.json"), summary);
        Report(1.0);
        return summary;
    }
}
