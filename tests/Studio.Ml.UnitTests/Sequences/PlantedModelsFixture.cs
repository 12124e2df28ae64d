using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Sequences;

/// <summary>Trains target attention and mean pooling once on the same planted data for the quality tests.</summary>
public sealed class PlantedModelsFixture : IDisposable
{
    public PlantedModelsFixture()
    {
        Log = PlantedSequences.Generate(seed: 11, customers: 1000);
        Data = SequenceDataset.Build(AttentionSpec, Log);
        var trainer = new SequenceTrainer();
        Attention = trainer.Train(AttentionSpec, Data);
        MeanPooling = trainer.Train(AttentionSpec with { Model = SequenceModelKind.MeanPooling }, Data);
    }

    public static SequenceSpec AttentionSpec { get; } = new()
    {
        MaxLength = 10,
        ItemDimension = 8,
        ContextDimension = 4,
        AttentionHiddenSizes = [16],
        Head = new ModelSpec { HiddenSizes = [32], Dropout = 0 },
        NegativesPerPositive = 4,
        EvaluationNegatives = 4,
        BatchSize = 256,
        Epochs = 8,
        Optimizer = new OptimizerSpec { LearningRate = 1e-2 },

        // Validation AUC plateaus for a few epochs before the attention finds the triggers; train them all.
        EarlyStopping = null,
        MaxRankedTargets = 400,
        Seed = 5,
    };

    internal InteractionLog Log { get; }

    public SequenceDataset Data { get; }

    public SequenceTrainingResult Attention { get; }

    public SequenceTrainingResult MeanPooling { get; }

    public void Dispose()
    {
        Attention.Model.Dispose();
        MeanPooling.Model.Dispose();
    }
}
