using Microsoft.EntityFrameworkCore;
using Studio.Data.Storage;

namespace Studio.Data.Datasets;

/// <summary>What would go with a dataset version: the versions made from it and everything built on any of them.</summary>
public sealed record DatasetDependents(
    IReadOnlyList<string> Versions,
    IReadOnlyList<string> Runs,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> ScoreSets,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Projections)
{
    public bool Any => Versions.Count + Runs.Count + Models.Count + ScoreSets.Count + Segments.Count + Experiments.Count + Projections.Count > 0;

    /// <summary>The non-empty kinds of dependent, each with its singular name and items.</summary>
    public IEnumerable<(string Kind, IReadOnlyList<string> Items)> Groups() => new[]
    {
        ("later version", Versions), ("training run", Runs), ("registered model", Models), ("score set", ScoreSets),
        ("segment", Segments), ("experiment", Experiments), ("projection", Projections),
    }.Where(g => g.Item2.Count > 0);

    /// <summary>One line for a message: "2 later versions (v2, v3); 1 training run (propensity #4)".</summary>
    public string Describe() => string.Join("; ", Groups().Select(g => $"{g.Items.Count} {g.Kind}{(g.Items.Count == 1 ? "" : "s")} ({string.Join(", ", g.Items)})"));
}

/// <summary>A rename or delete that cannot be done as asked; <see cref="Field"/> names the request field.</summary>
public sealed class DatasetChangeException : Exception
{
    public DatasetChangeException(string field, string message) : base(message) => Field = field;
    public DatasetChangeException() : this("request", "The dataset cannot be changed.") { }
    public DatasetChangeException(string message) : this("request", message) { }
    public DatasetChangeException(string message, Exception inner) : base(message, inner) => Field = "request";

    public string Field { get; }
}

/// <summary>
/// Renaming and deleting datasets. A name covers every version of a dataset, so a rename renames them all. Deleting
/// a version also deletes the versions derived from it (deleting v1 deletes the dataset); when anything depends on
/// what would go, the delete is refused with the list unless the caller confirmed the cascade.
/// </summary>
public sealed class DatasetCatalog(IDbContextFactory<StudioDbContext> contexts, DatasetTableStore tables, StudioStorageOptions storage)
{
    /// <returns>The renamed versions, or null when the dataset does not exist.</returns>
    /// <exception cref="DatasetChangeException">The name is blank or another dataset of the workspace has it.</exception>
    public async Task<int?> RenameAsync(int datasetId, string name, CancellationToken cancellationToken = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DatasetChangeException("name", "A dataset needs a name.");
        if (trimmed.Length > 200) throw new DatasetChangeException("name", "A dataset name has at most 200 characters.");
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await context.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken) is not { } dataset) return null;
        if (trimmed == dataset.Name) return 0;
        if (await context.Datasets.AnyAsync(d => d.WorkspaceId == dataset.WorkspaceId && d.Name == trimmed, cancellationToken))
            throw new DatasetChangeException("name", $"The workspace already has a dataset named \"{trimmed}\".");
        var renamed = await context.Datasets.Where(d => d.WorkspaceId == dataset.WorkspaceId && d.Name == dataset.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, trimmed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return renamed;
    }

    /// <returns>Null when the dataset does not exist.</returns>
    public async Task<DatasetDependents?> DependentsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(context, datasetId, cancellationToken) is { } found ? found.Dependents : null;
    }

    /// <summary>Deletes the version, the versions derived from it and, when <paramref name="cascade"/>, everything built on them.</summary>
    /// <returns>Null when the dataset does not exist, else what was (or, when refused, would be) deleted with it.</returns>
    /// <exception cref="DatasetChangeException">Something depends on it and the cascade was not confirmed; the message lists it.</exception>
    public async Task<DatasetDependents?> DeleteAsync(int datasetId, bool cascade, CancellationToken cancellationToken = default)
    {
        List<string> droppedTables;
        List<string> folders;
        DatasetDependents dependents;
        await using (var context = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (await FindAsync(context, datasetId, cancellationToken) is not { } found) return null;
            dependents = found.Dependents;
            if (dependents.Any && !cascade)
                throw new DatasetChangeException("cascade",
                    $"Deleting \"{found.Root.Name}\" v{found.Root.Version} would also delete: {dependents.Describe()}. Confirm the cascade to delete them all.");
            var ids = found.Versions.Select(d => d.Id).ToList();
            var runIds = found.RunIds;
            var modelIds = await context.RegisteredModels.Where(m => runIds.Contains(m.RunId) || ids.Contains(m.DatasetId)).Select(m => m.Id).ToListAsync(cancellationToken);
            var segmentIds = await context.Segments.Where(s => ids.Contains(s.DatasetId)).Select(s => s.Id).ToListAsync(cancellationToken);
            var experimentIds = await context.ExperimentDefinitions.Where(e => ids.Contains(e.DatasetId)).Select(e => e.Id).ToListAsync(cancellationToken);
            folders = [.. await context.ProjectionResults.Where(p => runIds.Contains(p.TrainingRunId) || (p.DatasetId != null && ids.Contains(p.DatasetId.Value)))
                .Where(p => p.FolderPath != null).Select(p => p.FolderPath!).ToListAsync(cancellationToken)];

            await context.ProjectionResults.Where(p => runIds.Contains(p.TrainingRunId) || (p.DatasetId != null && ids.Contains(p.DatasetId.Value))).ExecuteDeleteAsync(cancellationToken);
            await context.ModelScoreSets.Where(s => modelIds.Contains(s.ModelId) || ids.Contains(s.DatasetId)).ExecuteDeleteAsync(cancellationToken);
            await context.RegisteredModels.Where(m => modelIds.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
            await context.TrainingEpochs.Where(e => runIds.Contains(e.RunId)).ExecuteDeleteAsync(cancellationToken);
            await context.TrainingRuns.Where(r => runIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            await context.SegmentMembers.Where(m => segmentIds.Contains(m.SegmentId)).ExecuteDeleteAsync(cancellationToken);
            await context.SegmentExports.Where(e => segmentIds.Contains(e.SegmentId)).ExecuteDeleteAsync(cancellationToken);
            await context.Segments.Where(s => segmentIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
            await context.ShareLinks.Where(l => experimentIds.Contains(l.ExperimentId)).ExecuteDeleteAsync(cancellationToken);
            await context.ExperimentDefinitions.Where(e => experimentIds.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            // Children before parents: a version's parent link is RESTRICT, checked row by row.
            foreach (var version in found.Versions.OrderByDescending(v => v.Depth))
            {
                await context.DatasetColumns.Where(c => c.DatasetId == version.Id).ExecuteDeleteAsync(cancellationToken);
                await context.Datasets.Where(d => d.Id == version.Id).ExecuteDeleteAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            droppedTables = [.. found.Versions.Select(v => v.TableName)];
            folders.AddRange(ids.Select(id => Path.Combine(storage.DataDir, "artifacts", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        // Files go after the commit: a failure here leaves an orphan file, never a dataset without its rows.
        foreach (var table in droppedTables) await tables.DropTableAsync(table, cancellationToken);
        foreach (var folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        return dependents;
    }

    private sealed record Version(int Id, int Depth, string TableName);

    private sealed record Found(Dataset Root, IReadOnlyList<Version> Versions, List<int> RunIds, DatasetDependents Dependents);

    private static async Task<Found?> FindAsync(StudioDbContext context, int datasetId, CancellationToken cancellationToken)
    {
        var root = await context.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (root is null) return null;
        var all = await context.Datasets.AsNoTracking().Where(d => d.WorkspaceId == root.WorkspaceId)
            .Select(d => new { d.Id, d.ParentId, d.Name, d.Version, d.TableName }).ToListAsync(cancellationToken);
        var versions = new List<Version> { new(root.Id, 0, root.TableName) };
        for (var i = 0; i < versions.Count; i++)
        {
            var parent = versions[i];
            versions.AddRange(all.Where(d => d.ParentId == parent.Id).Select(d => new Version(d.Id, parent.Depth + 1, d.TableName)));
        }
        var ids = versions.Select(v => v.Id).ToList();
        var later = all.Where(d => d.Id != root.Id && ids.Contains(d.Id)).OrderBy(d => d.Version).Select(d => $"{d.Name} v{d.Version}").ToList();
        var runs = await context.TrainingRuns.AsNoTracking().Where(r => ids.Contains(r.DatasetId)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var runIds = runs.Select(r => r.Id).ToList();
        var models = await context.RegisteredModels.AsNoTracking().Where(m => runIds.Contains(m.RunId) || ids.Contains(m.DatasetId))
            .Select(m => new { m.Id, m.Name, m.Version }).ToListAsync(cancellationToken);
        var modelIds = models.Select(m => m.Id).ToList();
        var scoreSets = await context.ModelScoreSets.AsNoTracking().Where(s => modelIds.Contains(s.ModelId) || ids.Contains(s.DatasetId))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var segments = await context.Segments.AsNoTracking().Where(s => ids.Contains(s.DatasetId)).Select(s => s.Name).ToListAsync(cancellationToken);
        var experiments = await context.ExperimentDefinitions.AsNoTracking().Where(e => ids.Contains(e.DatasetId)).Select(e => e.Name).ToListAsync(cancellationToken);
        var projections = await context.ProjectionResults.AsNoTracking()
            .Where(p => runIds.Contains(p.TrainingRunId) || (p.DatasetId != null && ids.Contains(p.DatasetId.Value)))
            .Select(p => new { p.Id, p.Method }).ToListAsync(cancellationToken);
        var dependents = new DatasetDependents(later,
            [.. runs.Select(r => $"{r.Name} #{r.Id}")], [.. models.Select(m => $"{m.Name} v{m.Version}")], [.. scoreSets.Select(s => $"#{s}")],
            segments, experiments, [.. projections.Select(p => $"{p.Method} #{p.Id}")]);
        return new Found(root, versions, runIds, dependents);
    }
}
