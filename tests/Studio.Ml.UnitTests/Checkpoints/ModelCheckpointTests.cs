using Studio.Ml.Checkpoints;
using Studio.Ml.Training;
using Studio.Ml.UnitTests.Training;

namespace Studio.Ml.UnitTests.Checkpoints;

public sealed class ModelCheckpointTests
{
    [Theory]
    [InlineData(ModelKind.DeepFM)]
    [InlineData(ModelKind.LogisticRegression)]
    public void SaveLoad_TrainedModel_PredictionsBitIdentical(ModelKind kind)
    {
        var data = SyntheticPropensity.Generate(3_000, seed: 9);
        var spec = SyntheticPropensity.Spec(kind) with { Epochs = 2, Model = new ModelSpec { Kind = kind, HiddenSizes = [16], BatchNorm = true, Dropout = 0.2 } };
        var path = Path.Combine(Path.GetTempPath(), $"studio-checkpoint-{Guid.NewGuid():N}.zip");
        using var trained = new ModelTrainer().Train(spec, data.Table).Model;

        ModelCheckpoint.Save(trained, path);
        using var loaded = ModelCheckpoint.Load(path);

        var before = trained.Predict(data.Table);
        var after = loaded.Predict(data.Table);
        Assert.Equal(before.Scores, after.Scores);                            // exact, not approximate
        Assert.Equal(trained.HiddenActivations(data.Table)[17], loaded.HiddenActivations(data.Table)[17]);
        Assert.Equal(kind, ModelCheckpoint.ReadSpec(path).Model.Kind);
        Assert.Equal(trained.Encoder.Categorical[0].Values, loaded.Encoder.Categorical[0].Values);
        File.Delete(path);
    }
}
