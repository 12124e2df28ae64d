using Microsoft.EntityFrameworkCore;
using Studio.Data;
using Studio.Data.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>How a step changes the table it gets, before anything is stored.</summary>
public sealed record StepPreview(
    int Index,
    string Description,
    long RowsBefore,
    long RowsAfter,
    long RowsAffected,
    long ValuesAffected,
    string Summary,
    IReadOnlyList<TableColumn> ColumnsBefore,
    IReadOnlyList<TableColumn> ColumnsAfter,
    IReadOnlyList<RowChange> Samples);

/// <summary>Previews of the steps that ran; <see cref="Error"/> names the first step that cannot run, if any.</summary>
public sealed record RecipePreview(int DatasetId, IReadOnlyList<StepPreview> Steps, string? Error);

/// <summary>What <see cref="Dataset.DerivationJson"/> holds for a version made by a recipe.</summary>
public sealed record Derivation(int SourceDatasetId, int SourceVersion, Recipe Recipe, IReadOnlyList<string> Summaries);

/// <summary>One version in a dataset's lineage.</summary>
public sealed record LineageEntry(int DatasetId, string Name, int Version, int? ParentId, long RowCount, int ColumnCount,
    DateTimeOffset CreatedAt, Derivation? Derivation);

/// <summary>
/// Previews and applies recipes to stored dataset versions. Applying never touches the source: it writes a new
/// version (next version number of the name, parent = source) through the atomic <see cref="DatasetRepository.SaveNewAsync"/>.
/// </summary>
public sealed class RecipeService(DatasetRepository repository, DatasetTableStore tables, IDbContextFactory<StudioDbContext> contexts)
{
    public async Task<WorkingTable> LoadAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        var dataset = await FindAsync(datasetId, cancellationToken);
        return await WorkingTable.LoadAsync(tables, dataset, cancellationToken);
    }

    public async Task<RecipePreview> PreviewAsync(int datasetId, Recipe recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var table = await LoadAsync(datasetId, cancellationToken);
        var previews = new List<StepPreview>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            StepResult result;
            try
            {
                result = await RecipeEngine.ApplyAsync(table, step, LoadAsync, cancellationToken);
            }
            catch (RecipeException e)
            {
                return new RecipePreview(datasetId, previews, $"Step {i + 1} ({step.Describe()}): {e.Message}");
            }
            previews.Add(new StepPreview(i, step.Describe(), table.Rows.Count, result.Table.Rows.Count, result.RowsAffected,
                result.ValuesAffected, result.Summary, table.Columns, result.Table.Columns, result.Samples));
            table = result.Table;
        }
        return new RecipePreview(datasetId, previews, null);
    }

    /// <exception cref="RecipeException">A step cannot run; nothing was stored.</exception>
    public async Task<Dataset> ApplyAsync(int datasetId, Recipe recipe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.Steps.Count == 0) throw new RecipeException("The recipe has no steps.");
        var source = await FindAsync(datasetId, cancellationToken);
        var input = await WorkingTable.LoadAsync(tables, source, cancellationToken);
        var (output, steps) = await RecipeEngine.RunAsync(input, recipe, LoadAsync, cancellationToken);
        var derivation = new Derivation(source.Id, source.Version, recipe, [.. steps.Select(s => s.Summary)]);
        var dataset = new Dataset
        {
            WorkspaceId = source.WorkspaceId,
            Name = source.Name,
            Role = source.Role,
            ParentId = source.Id,
            DerivationJson = System.Text.Json.JsonSerializer.Serialize(derivation, Recipe.Json),
            SourceFileName = source.SourceFileName,
            SourceBytes = source.SourceBytes,
            TableName = DatasetTableStore.NewTableName(),
        };
        dataset.Columns.AddRange(output.Columns.Select((c, i) => new DatasetColumn
        {
            Ordinal = i,
            Name = c.Name,
            StorageName = DatasetTableStore.StorageNameFor(i),
            Type = c.Type,
            MissingCount = output.Rows.LongCount(r => r[i] is null),
            DistinctCount = output.Rows.Select(r => r[i]).Where(v => v is not null).Distinct().LongCount(),
        }));
        // The version number is assigned inside the write transaction: concurrent applies get consecutive versions.
        return await repository.SaveNextVersionAsync(dataset, (writer, token) =>
        {
            for (var i = 0; i < output.Rows.Count; i++)
            {
                if (i % 4096 == 0) token.ThrowIfCancellationRequested();
                writer.Write(output.Rows[i]);
            }
        }, cancellationToken);
    }

    /// <summary>Every version sharing the root upload of <paramref name="datasetId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<LineageEntry>> LineageAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        var dataset = await FindAsync(datasetId, cancellationToken);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await context.Datasets.AsNoTracking().Where(d => d.WorkspaceId == dataset.WorkspaceId).ToListAsync(cancellationToken);
        var byId = all.ToDictionary(d => d.Id);
        int Root(Dataset d)
        {
            while (d.ParentId is { } p && byId.TryGetValue(p, out var parent)) d = parent;
            return d.Id;
        }
        var root = Root(dataset);
        return [.. all.Where(d => Root(d) == root).OrderBy(d => d.Version).ThenBy(d => d.Id).Select(d => new LineageEntry(
            d.Id, d.Name, d.Version, d.ParentId, d.RowCount, d.Columns.Count, d.CreatedAt, ReadDerivation(d.DerivationJson)))];
    }

    public static Derivation? ReadDerivation(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Derivation>(json, Recipe.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // written by something else; lineage still shows the version
        }
    }

    private async Task<Dataset> FindAsync(int datasetId, CancellationToken cancellationToken) =>
        await repository.FindAsync(datasetId, cancellationToken) ?? throw new RecipeException($"Dataset #{datasetId} does not exist.");
}
