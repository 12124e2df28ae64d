using System.Globalization;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;
using Studio.Ml.UnitTests.Service;

namespace Studio.Ml.UnitTests.Sequences.Demo;

/// <summary>
/// Trains target attention and mean pooling once on the committed retail demo (sample-datasets/retail-demo: events.csv
/// with the category from products.csv) and reads its planted trigger → target pairs from truth/triggers.csv.
/// </summary>
public sealed class DemoSequencesFixture : IDisposable
{
    public DemoSequencesFixture()
    {
        Log = ReadEvents(Path.Combine(ServiceHarness.DemoFolder, "events.csv"), Path.Combine(ServiceHarness.DemoFolder, "products.csv"));
        Pairs = ReadPairs(Path.Combine(ServiceHarness.DemoFolder, "truth", "triggers.csv"));
        Data = SequenceDataset.Build(Spec, Log);
        var trainer = new SequenceTrainer();
        Attention = trainer.Train(Spec, Data);
        MeanPooling = trainer.Train(Spec with { Model = SequenceModelKind.MeanPooling }, Data);
    }

    /// <summary>Interactions, not funnel steps: the generator plants the target among the next interactions.</summary>
    public static SequenceSpec Spec { get; } = new()
    {
        MaxLength = 20,
        MergeRepeatedItems = true,
        ItemDimension = 16,
        ContextDimension = 4,
        AttentionHiddenSizes = [32],
        Head = new ModelSpec { HiddenSizes = [64, 32], Dropout = 0 },
        BatchSize = 512,
        Epochs = 8,
        EarlyStopping = null,
        MaxRankedTargets = 1000,
        Seed = 11,
    };

    public InteractionLog Log { get; }

    public IReadOnlyList<(string Trigger, string Target)> Pairs { get; }

    public SequenceDataset Data { get; }

    public SequenceTrainingResult Attention { get; }

    public SequenceTrainingResult MeanPooling { get; }

    public void Dispose()
    {
        Attention.Model.Dispose();
        MeanPooling.Model.Dispose();
    }

    /// <summary>The demo's CSVs have no quoted fields (see its README), so a split is a faithful reader.</summary>
    private static List<string[]> Rows(string path) => File.ReadLines(path).Skip(1).Select(line => line.Split(',')).ToList();

    private static InteractionLog ReadEvents(string eventsPath, string productsPath)
    {
        var categoryOf = Rows(productsPath).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var rows = Rows(eventsPath);
        return new InteractionLog(
            rows.Select(r => r[1]).ToList(),
            rows.Select(r => r[2]).ToList(),
            rows.Select(r => DateTime.Parse(r[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToList())
        {
            Categories = rows.Select(r => categoryOf[r[2]]).ToList(),
            EventTypes = rows.Select(r => r[4]).ToList(),
        };
    }

    private static List<(string Trigger, string Target)> ReadPairs(string path) => Rows(path).Select(r => (r[0], r[1])).ToList();
}
