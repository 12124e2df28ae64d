using Studio.Analysis.Artifacts;
using Studio.Analysis.Recipes;
using Studio.Data.Datasets;

namespace Studio.Analysis.ModelEncoding;

/// <summary>
/// Fits an encoder on a dataset version's training split and keeps it with that version. The same spec asked for
/// the same version at the same time is fitted once and shared (<see cref="SingleFlight{TKey,TValue}"/>).
/// </summary>
public sealed class EncoderStore(RecipeService recipes, DatasetRepository datasets, DatasetArtifacts artifacts)
{
    private readonly SingleFlight<(int DatasetId, string Spec), DatasetEncoding> _fitting = new();

    public Task<DatasetEncoding> FitAndSaveAsync(int datasetId, EncoderSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var key = (datasetId, System.Text.Json.JsonSerializer.Serialize(spec, Recipe.Json));
        return _fitting.RunAsync(key, async () =>
        {
            var table = await recipes.LoadAsync(datasetId, CancellationToken.None);
            var fitted = DatasetEncoder.Fit(table, spec);
            await artifacts.SaveAsync(datasetId, DatasetArtifacts.Encoder, fitted, CancellationToken.None);
            return fitted;
        }, cancellationToken);
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
