using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// Starts training runs: checks the spec against the dataset's columns, stores the run with its full spec, and
/// queues a <see cref="JobKind.Training"/> job that trains, saves epochs and the best checkpoint, and the test results.
/// </summary>
public sealed class TrainingService(
    DatasetRepository datasets,
    RunRecorder recorder,
    TrainingRunJob runJob)
{
    /// <exception cref="ArgumentException">Unknown dataset, or the spec cannot run on it (the message lists why).</exception>
    public async Task<StartedRun> StartAsync(StartTrainingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dataset = await datasets.FindAsync(request.DatasetId, cancellationToken);
        if (dataset is null || dataset.WorkspaceId != request.WorkspaceId)
        {
            throw new ArgumentException($"Dataset {request.DatasetId} does not exist in workspace {request.WorkspaceId}.", nameof(request));
        }

        var problems = request.Spec.Validate(ColumnKinds.SchemaOf(dataset, request.Spec.CategoricalColumns));
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{request.Spec.Model.Kind} on {dataset.Name}" : request.Name.Trim();
        var description = new RunDescription(name, ServiceJson.Serialize(request.Spec), request.Spec.Model.Kind.ToString(),
            request.Spec.Task.ToString(), request.Spec.TargetColumn, request.Spec.Seed);
        return await recorder.EnqueueAsync(request.WorkspaceId, dataset, description, runJob.RunAsync, cancellationToken);
    }
}
