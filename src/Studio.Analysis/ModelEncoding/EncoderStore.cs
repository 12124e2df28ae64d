using Studio.Analysis.Artifacts;
using Studio.Analysis.Recipes;

namespace Studio.Analysis.ModelEncoding;

/// <summary>Fits an encoder on a dataset version's training split and keeps it with that version.</summary>
public sealed class EncoderStore(RecipeService recipes, DatasetArtifacts artifacts)
{
    public async Task<FittedEncoder> FitAndSaveAsync(int datasetId, EncoderSpec spec, IReadOnlyCollection<int> trainingRows,
        CancellationToken cancellationToken = default)
    {
        var table = await recipes.LoadAsync(datasetId, cancellationToken);
        var fitted = FeatureEncoder.Fit(table, spec, trainingRows);
        await artifacts.SaveAsync(datasetId, DatasetArtifacts.Encoder, fitted, cancellationToken);
        return fitted;
    }

    public Task<FittedEncoder?> LoadAsync(int datasetId, CancellationToken cancellationToken = default) =>
        artifacts.LoadAsync<FittedEncoder>(datasetId, DatasetArtifacts.Encoder, cancellationToken);
}
