using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class SequenceTrainerTests
{
    private static readonly SequenceSpec Small = new()
    {
        MaxLength = 5,
        ItemDimension = 4,
        ContextDimension = 2,
        AttentionHiddenSizes = [4],
        Head = new ModelSpec { HiddenSizes = [8], Dropout = 0 },
        NegativesPerPositive = 1,
        Epochs = 2,
        EarlyStopping = null,
        BatchSize = 128,
    };

    [Fact]
    public void Train_TwoEpochs_ReportsEachEpochThenTesting()
    {
        var reports = new List<TrainingProgress>();
        var result = new SequenceTrainer().Train(Small, PlantedSequences.Generate(1, customers: 40), progress: new Collect(reports));
        using var model = result.Model;

        Assert.Equal([1, 2], reports.Where(r => r.Phase == TrainingPhase.EpochCompleted).Select(r => r.Epoch));
        Assert.Equal(TrainingPhase.Testing, reports[^1].Phase);
        Assert.Equal(2, result.BestEpoch);
        Assert.Equal(40, result.TestMetrics["ranked_targets"]);
    }

    [Fact]
    public void Train_CancelledToken_ThrowsBeforeTheFirstBatch()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var error = Assert.Throws<TrainingCancelledException>(() => new SequenceTrainer().Train(Small, PlantedSequences.Generate(1, customers: 40), cancellationToken: cancel.Token));
        Assert.Equal(0, error.BatchesCompleted);
    }

    [Fact]
    public void Train_InvalidSpec_ThrowsListingProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new SequenceTrainer().Train(Small with { MaxLength = 0, BatchSize = 1 }, PlantedSequences.Generate(1, customers: 5)));

        Assert.Contains("MaxLength", error.Message, StringComparison.Ordinal);
        Assert.Contains("BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithCustomerFeatures_StandardizesThemAndCarriesTheScaling()
    {
        var features = new CustomerFeatureTable(
            ["age", "spend"],
            Enumerable.Range(0, 30).ToDictionary(PlantedSequences.Customer, c => new[] { 20f + c, c % 2 == 0 ? 100f : 300f }));
        var log = PlantedSequences.Generate(1, customers: 40);

        var result = new SequenceTrainer().Train(Small, log, features);
        using var model = result.Model;

        Assert.Equal(["age", "spend"], model.Scaling!.Names);
        Assert.Equal(34.5f, model.Scaling.Means[0], 4);
        Assert.Equal(200f, model.Scaling.Means[1], 4);
        Assert.Equal(100f, model.Scaling.Deviations[1], 4);
        Assert.Equal(2, model.HistoriesOf(log, features).FeatureWidth);
        var explained = new AttentionExplainer(model, model.HistoriesOf(log, features)).Explain(PlantedSequences.Customer(35), PlantedSequences.Item(1));
        Assert.InRange(explained.Probability, 0, 1);
    }

    /// <summary>Synchronous, unlike Progress&lt;T&gt;, so the list is complete when Train returns.</summary>
    private sealed class Collect(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
