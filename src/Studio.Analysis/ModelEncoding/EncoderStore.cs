using Studio.Analysis.Artifacts;
using Studio.Analysis.Recipes;
using Studio.Data.Datasets;

namespace Studio.Analysis.ModelEncoding;

/// <summary>Fits an encoder on a dataset version's training split and keeps it with that version.</summary>
public sealed class EncoderStore(RecipeService recipes, DatasetRepository datasets, DatasetArtifacts artifacts)
{
    public async Task<DatasetEncoding> FitAndSaveAsync(int datasetId, EncoderSpec spec, CancellationToken cancellationToken = default)
    {
        var table = await recipes.LoadAsync(datasetId, cancellationToken);
        var fitted = DatasetEncoder.Fit(table, spec);
        await artifacts.SaveAsync(datasetId, DatasetArtifacts.Encoder, fitted, cancellationToken);
        return fitted;
    }

    public Task<DatasetEncoding?> LoadAsync(int datasetId, CancellationToken cancellationToken = default) =>
        artifacts.LoadAsync<DatasetEncoding>(datasetId, DatasetArtifacts.Encoder, cancellationToken);

    /// <summary>The default spec for a version: its categorical and boolean columns encoded, numbers scaled.</summary>
    public async Task<EncoderSpec> DefaultSpecAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        var dataset = await datasets.FindAsync(datasetId, cancellationToken)
            ?? throw new RecipeException($"Dataset {datasetId} does not exist.");
        return DatasetEncoder.DefaultSpec(dataset.Columns.OrderBy(c => c.Ordinal).Select(c => new TableColumn(c.Name, c.Type)));
    }
}
