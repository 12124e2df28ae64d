namespace Studio.Core.SampleData;

/// <summary>What <see cref="RetailDataGenerator.WriteTo"/> wrote.</summary>
/// <param name="Files">Paths relative to <paramref name="OutputDirectory"/>, '/' separated.</param>
/// <param name="EventsByType">Row counts of events.csv per event_type.</param>
/// <param name="MeanTruePropensity">Mean of truth/customers_truth.csv true_propensity.</param>
/// <param name="PositiveLabelShare">Share of customers with purchased_next_30d = 1.</param>
public sealed record GeneratedSummary(
    string OutputDirectory,
    GeneratorOptions Options,
    int Customers,
    int Products,
    long Events,
    IReadOnlyDictionary<string, long> EventsByType,
    int OfferLogRows,
    int ExperimentRows,
    double MeanTruePropensity,
    double PositiveLabelShare,
    IReadOnlyList<string> Files);
