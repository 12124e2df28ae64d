using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Data.Storage;
using Studio.Ml.Checkpoints;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>Scoring job started for a model: the job and the dataset it scores.</summary>
public sealed record StartedScoring(Guid JobId, int ModelId, int DatasetId);

/// <summary>
/// Registered models: versions per name, one in use per name, and scoring every row of a dataset as a job whose
/// CSV (key, chosen inputs, score, decile) is stored and downloadable.
/// </summary>
public sealed class ModelRegistry(
    IDbContextFactory<StudioDbContext> contextFactory,
    DatasetRepository datasets,
    DatasetFeatureLoader loader,
    DatasetTableStore tables,
    JobQueue jobs,
    RunFiles files,
    TimeProvider time)
{
    /// <summary>
    /// Registers the run as the next version of <paramref name="name"/>. The version is read and written in one write
    /// transaction (SQLite BEGIN IMMEDIATE), so concurrent registrations get consecutive numbers.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run has not finished successfully or has no checkpoint.</exception>
    /// <exception cref="VersionConflictException">Another registration collided or the database stayed busy; nothing was stored.</exception>
    public async Task<RegisteredModel> RegisterAsync(int runId, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RegisterInTransactionAsync(runId, name, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException && VersionConflictException.IsConflict(e))
        {
            throw new VersionConflictException($"Another version of \"{name.Trim()}\" was registered at the same moment; nothing was stored. Try again.", e);
        }
    }

    private async Task<RegisteredModel> RegisterInTransactionAsync(int runId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var run = await context.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new InvalidOperationException($"Training run {runId} does not exist.");
        if (run.Status != JobStatus.Succeeded || run.CheckpointPath is null || !File.Exists(run.CheckpointPath))
        {
            throw new InvalidOperationException($"Run {runId} is {run.Status}; only a finished run with a checkpoint can be registered.");
        }

        var trimmed = name.Trim();
        var versions = await context.RegisteredModels.Where(m => m.WorkspaceId == run.WorkspaceId && m.Name == trimmed)
            .Select(m => m.Version).ToListAsync(cancellationToken);
        var model = new RegisteredModel
        {
            WorkspaceId = run.WorkspaceId,
            Name = trimmed,
            Version = versions.Count == 0 ? 1 : versions.Max() + 1,
            RunId = run.Id,
            DatasetId = run.DatasetId,
            DatasetVersion = run.DatasetVersion,
            SpecJson = run.SpecJson,
            MetricsJson = run.TestMetricsJson,
            CheckpointPath = run.CheckpointPath,
            InUse = versions.Count == 0,
            CreatedAt = time.GetUtcNow(),
        };
        context.RegisteredModels.Add(model);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return model;
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.RegisteredModels.AsNoTracking().Where(m => m.WorkspaceId == workspaceId)
            .OrderBy(m => m.Name).ThenByDescending(m => m.Version).ToListAsync(cancellationToken);
    }

    public async Task<RegisteredModel?> FindAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.RegisteredModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken);
    }

    /// <summary>Marks <paramref name="modelId"/> in use and every other version of its name not.</summary>
    public async Task SetInUseAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var model = await context.RegisteredModels.FirstOrDefaultAsync(m => m.Id == modelId, cancellationToken)
            ?? throw new InvalidOperationException($"Model {modelId} does not exist.");
        var siblings = await context.RegisteredModels.Where(m => m.WorkspaceId == model.WorkspaceId && m.Name == model.Name).ToListAsync(cancellationToken);
        foreach (var sibling in siblings)
        {
            sibling.InUse = sibling.Id == modelId;
        }
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ModelScoreSet>> ScoreSetsAsync(int modelId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ModelScoreSets.AsNoTracking().Where(s => s.ModelId == modelId)
            .OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<ModelScoreSet?> FindScoreSetAsync(int scoreSetId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.ModelScoreSets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreSetId, cancellationToken);
    }

    /// <summary>
    /// Queues a <see cref="JobKind.Scoring"/> job that scores every row of the dataset, after checking the dataset
    /// against the model's features so that a wrong dataset is refused here rather than failing in the job.
    /// </summary>
    /// <exception cref="ScoringRequestException">The model, the dataset or the options cannot be scored; names the field.</exception>
    public async Task<StartedScoring> StartScoringAsync(int modelId, int datasetId, ScoringOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScoringOptions();
        var model = await FindAsync(modelId, cancellationToken) ?? throw new ScoringRequestException("modelId", $"Model {modelId} does not exist.");
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var kind = await context.TrainingRuns.Where(r => r.Id == model.RunId).Select(r => r.ModelKind).FirstOrDefaultAsync(cancellationToken);
            if (Sequences.Service.SequenceFamilies.Contains(kind))
            {
                throw new ScoringRequestException("modelId", $"{model.Name} v{model.Version} is a behaviour-sequence model: it ranks candidates per customer instead of scoring table rows. Use its attention viewer or GET /api/sequence-runs/{model.RunId}/candidates.");
            }
        }

        var dataset = await datasets.FindAsync(datasetId, cancellationToken);
        if (dataset is null || dataset.WorkspaceId != model.WorkspaceId)
        {
            throw new ScoringRequestException("datasetId", $"Dataset {datasetId} does not exist in the model's workspace.");
        }
        ScoringInputCheck.Check(ServiceJson.Deserialize<TrainingSpec>(model.SpecJson), dataset, options);

        var jobId = await jobs.EnqueueAsync(new JobRequest(JobKind.Scoring, $"Score {dataset.Name} with {model.Name} v{model.Version}",
            job => ScoreAsync(job, model, dataset, options), model.WorkspaceId), cancellationToken);
        return new StartedScoring(jobId, modelId, datasetId);
    }

    private async Task<string?> ScoreAsync(JobContext job, RegisteredModel model, Dataset dataset, ScoringOptions options)
    {
        job.Report(0.05, "Loading the model and the rows");
        using var trained = ModelCheckpoint.Load(model.CheckpointPath);
        var spec = trained.Spec;
        var table = await loader.LoadAsync(dataset, spec, job.CancellationToken);
        var output = OutputColumns(dataset, options);
        job.CancellationToken.ThrowIfCancellationRequested();
        job.Report(0.4, $"Scoring {table.RowCount:N0} rows");
        var predictions = trained.Predict(table);
        var path = files.ScoresPath(model.Id, dataset.Id);
        await ScoreCsv.WriteAsync(path, output, tables.ReadAllAsync(dataset.TableName, output, job.CancellationToken), predictions,
            options.Deciles, job.CancellationToken);
        var set = new ModelScoreSet
        {
            ModelId = model.Id,
            DatasetId = dataset.Id,
            JobId = job.JobId,
            FilePath = path,
            RowCount = table.RowCount,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var context = await contextFactory.CreateDbContextAsync(CancellationToken.None))
        {
            context.ModelScoreSets.Add(set);
            await context.SaveChangesAsync(CancellationToken.None);
        }
        job.Report(1, string.Create(CultureInfo.InvariantCulture, $"Scored {table.RowCount:N0} rows"));
        return ServiceJson.Serialize(new { scoreSetId = set.Id, rows = table.RowCount });
    }

    /// <summary>The key (chosen, else the first identifier column), then the included columns, each once.</summary>
    private static List<DatasetColumn> OutputColumns(Dataset dataset, ScoringOptions options)
    {
        var ordered = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var key = options.KeyColumn is { } name ? ordered.Single(c => c.Name == name) : ordered.FirstOrDefault(c => c.Type == ColumnType.Identifier);
        var included = (options.IncludeColumns ?? []).Select(n => ordered.Single(c => c.Name == n));
        return [.. (key is null ? included : included.Prepend(key)).DistinctBy(c => c.Name)];
    }
}
