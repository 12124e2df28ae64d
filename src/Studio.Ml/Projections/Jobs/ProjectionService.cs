using System.Globalization;
using Studio.Analysis.Projections;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Data.Projections;
using Studio.Ml.Projections.Vectors;
using Studio.Ml.Service;

namespace Studio.Ml.Projections.Jobs;

/// <summary>
/// Projection jobs with a cache: a request for the same run checkpoint, source and parameters returns the stored
/// result (or the job already computing it); anything else queues a <see cref="JobKind.Projection"/> job that loads the
/// vectors, projects them, scores the quality and writes the files atomically.
/// </summary>
public sealed class ProjectionService(
    TrainingRunStore runs,
    VectorSourceLoader sources,
    VectorCache vectors,
    ProjectionRunner runner,
    ProjectionStore store,
    ProjectionFiles files,
    JobQueue jobs,
    JobNotifier notifier,
    TimeProvider time)
{
    /// <exception cref="ArgumentException">Unknown run or source, or parameters that cannot run on it (the message says why).</exception>
    public async Task<ProjectionStart> StartAsync(int workspaceId, VectorSourceSpec source, ProjectionRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var run = await runs.FindAsync(source.TrainingRunId, cancellationToken);
        if (run is null || run.WorkspaceId != workspaceId)
            throw new ArgumentException($"Training run {source.TrainingRunId} does not exist in workspace {workspaceId}.", nameof(source));
        if (run.CheckpointPath is null || !File.Exists(run.CheckpointPath))
            throw new ArgumentException($"Run {run.Id} ({run.Name}) is {run.Status} and has no checkpoint to project.", nameof(source));

        var version = VectorSourceLoader.CheckpointVersion(run);
        var reusable = await store.FindReusableAsync(run.Id, source.Key, version, request.CacheKey, cancellationToken);
        if (reusable is not null && IsAlive(reusable))
            return new ProjectionStart(reusable.Id, reusable.JobId, reusable.Status == JobStatus.Succeeded, reusable.Status);

        var info = (await sources.ListSourcesAsync(run.Id, cancellationToken)).FirstOrDefault(s => s.Spec.Key == source.Key)
            ?? throw new ArgumentException($"Run {run.Id} has no vector source \"{source.Key}\".", nameof(source));
        var problems = ProjectionRules.Problems(request, info.Count, info.Dimensions);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(request));

        var row = await store.AddAsync(new StoredProjection
        {
            WorkspaceId = workspaceId,
            TrainingRunId = run.Id,
            SourceKey = source.Key,
            SourceVersion = version,
            RequestKey = request.CacheKey,
            RequestJson = ServiceJson.Serialize(request),
            Method = request.Method.ToString(),
            Dimensions = request.Dimensions,
            Status = JobStatus.Queued,
            EntityLabel = info.EntityLabel,
            Rows = info.Count,
            SourceDimensions = info.Dimensions,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        var title = string.Create(CultureInfo.InvariantCulture, $"{request.Method} {request.Dimensions}D of {info.Title} (run {run.Id})");
        var id = row.Id;
        var jobId = await jobs.EnqueueAsync(new JobRequest(JobKind.Projection, title,
            job => RunAsync(job, id, source, version, request), workspaceId, row.RequestJson), cancellationToken);
        await store.UpdateAsync(id, p => p.JobId = jobId, cancellationToken);
        return new ProjectionStart(id, jobId, false, JobStatus.Queued);
    }

    /// <summary>Entity keys and float32 coordinate bytes of a finished projection.</summary>
    /// <exception cref="InvalidOperationException">The projection has not finished or its files are gone.</exception>
    public async Task<(StoredProjection Projection, IReadOnlyList<string> Keys, byte[] Coordinates)> ReadAsync(int projectionId,
        CancellationToken cancellationToken = default)
    {
        var row = await FinishedAsync(projectionId, cancellationToken);
        var keys = await ProjectionFiles.ReadKeysAsync(row.FolderPath!, cancellationToken);
        var bytes = await ProjectionFiles.ReadCoordinateBytesAsync(row.FolderPath!, cancellationToken);
        return (row, keys, bytes);
    }

    /// <summary>The <paramref name="k"/> nearest entities to a point, by cosine and Euclidean distance on the original vectors.</summary>
    public async Task<ProjectionNeighbors> NeighborsAsync(int projectionId, int pointIndex, int k = 10, CancellationToken cancellationToken = default)
    {
        var row = await FinishedAsync(projectionId, cancellationToken);
        if (pointIndex < 0 || pointIndex >= row.Rows)
            throw new ArgumentOutOfRangeException(nameof(pointIndex), $"Point {pointIndex} is outside the projection's {row.Rows:N0} points.");
        var source = VectorSourceSpec.FromKey(row.TrainingRunId, row.SourceKey)
            ?? throw new InvalidOperationException($"Projection {projectionId} has an unknown source \"{row.SourceKey}\".");
        var entities = await vectors.GetAsync(source, row.SourceVersion, cancellationToken);
        if (entities.Count != row.Rows)
            throw new InvalidOperationException($"The run's vectors changed since projection {projectionId} was made; project again.");
        EntityNeighbor[] Find(DistanceMetric metric) => NearestNeighbors.Query(entities.Vectors, pointIndex, k, metric)
            .Select(n => new EntityNeighbor(n.Index, entities.Keys[n.Index], n.Distance)).ToArray();
        return new ProjectionNeighbors(pointIndex, entities.Keys[pointIndex], Find(DistanceMetric.Cosine), Find(DistanceMetric.Euclidean));
    }

    private async Task<StoredProjection> FinishedAsync(int projectionId, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(projectionId, cancellationToken)
            ?? throw new KeyNotFoundException($"Projection {projectionId} does not exist.");
        if (row.Status != JobStatus.Succeeded || !ProjectionFiles.IsComplete(row.FolderPath))
            throw new InvalidOperationException($"Projection {projectionId} is {row.Status}; its coordinates are not available.");
        return row;
    }

    // A queued or running row whose job this process does not know was interrupted by a restart: not reusable.
    private bool IsAlive(StoredProjection row) => row.Status switch
    {
        JobStatus.Succeeded => ProjectionFiles.IsComplete(row.FolderPath),
        _ => row.JobId is { } job && notifier.Find(job) is { } snapshot && !snapshot.Status.IsFinished(),
    };

    private async Task<string?> RunAsync(JobContext job, int id, VectorSourceSpec source, string version, ProjectionRequest request)
    {
        var token = job.CancellationToken;
        try
        {
            await store.UpdateAsync(id, p => p.Status = JobStatus.Running, token);
            job.Report(0.02, "Loading the vectors");
            var entities = await vectors.GetAsync(source, version, token);
            job.Report(0.1, string.Create(CultureInfo.InvariantCulture, $"Projecting {entities.Count:N0} × {entities.Vectors.Columns} vectors"));
            var progress = new SynchronousProgress<double>(f => job.Report(0.1 + 0.85 * f, f < 0.9 ? $"{request.Method}: {f:P0}" : "Measuring quality"));
            var result = runner.Run(entities.Vectors, request, progress, token);
            var meta = new ProjectionMeta(id, source, version, request, entities.EntityLabel, entities.Count, request.Dimensions,
                entities.Vectors.Columns, result.Quality.Trustworthiness, result.Quality.KnnRecall, result.Quality.K,
                result.Elapsed.TotalSeconds, result.Pca?.ExplainedVarianceRatio);
            var coordinates = new float[result.Coordinates.Values.Length];
            for (var i = 0; i < coordinates.Length; i++) coordinates[i] = (float)result.Coordinates.Values[i];
            var folder = files.WriteAtomically(id, coordinates, entities.Keys, ServiceJson.Serialize(meta));
            await store.UpdateAsync(id, p =>
            {
                p.Status = JobStatus.Succeeded;
                p.FolderPath = folder;
                p.Rows = entities.Count;
                p.EntityLabel = entities.EntityLabel;
                p.DatasetId = entities.DatasetId;
                p.SourceDimensions = entities.Vectors.Columns;
                p.QualityK = result.Quality.K;
                p.Trustworthiness = result.Quality.Trustworthiness;
                p.KnnRecall = result.Quality.KnnRecall;
                p.ElapsedSeconds = result.Elapsed.TotalSeconds;
                p.FinishedAt = time.GetUtcNow();
            }, CancellationToken.None);
            job.Report(1, string.Create(CultureInfo.InvariantCulture,
                $"{entities.Count:N0} points, trustworthiness {result.Quality.Trustworthiness:F3}"));
            return ServiceJson.Serialize(new { projectionId = id, rows = entities.Count });
        }
        catch (Exception ex)
        {
            var status = ex is OperationCanceledException && token.IsCancellationRequested ? JobStatus.Cancelled : JobStatus.Failed;
            await store.UpdateAsync(id, p =>
            {
                p.Status = status;
                p.Error = status == JobStatus.Failed ? ex.Message : null;
                p.FinishedAt = time.GetUtcNow();
            }, CancellationToken.None);
            throw;
        }
    }
}
