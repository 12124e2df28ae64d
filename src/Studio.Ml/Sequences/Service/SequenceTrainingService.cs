using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Ml.Service;

namespace Studio.Ml.Sequences.Service;

/// <summary>The form or the API asks: train a behaviour-sequence model on an events dataset of a workspace.</summary>
public sealed record StartSequenceRunRequest(int WorkspaceId, int DatasetId, string Name, SequenceRunSpec Spec);

/// <summary>
/// Starts behaviour-sequence runs through the same storage and job queue as the tabular models: a
/// <see cref="TrainingRun"/> whose model kind is a <see cref="SequenceFamilies"/> name and whose spec is a
/// <see cref="SequenceRunSpec"/>, trained by <see cref="SequenceRunJob"/> as a <see cref="JobKind.Training"/> job.
/// </summary>
public sealed class SequenceTrainingService(
    DatasetRepository datasets,
    RunRecorder recorder,
    SequenceRunJob runJob)
{
    /// <exception cref="ArgumentException">Unknown dataset or column, or the spec cannot run (the message lists why).</exception>
    public async Task<StartedRun> StartAsync(StartSequenceRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dataset = await datasets.FindAsync(request.DatasetId, cancellationToken);
        if (dataset is null || dataset.WorkspaceId != request.WorkspaceId)
        {
            throw new ArgumentException($"Dataset {request.DatasetId} does not exist in workspace {request.WorkspaceId}.", nameof(request));
        }

        var problems = request.Spec.Validate().ToList();
        var names = dataset.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var spec = request.Spec;
        foreach (var column in new[] { spec.CustomerColumn, spec.ItemColumn, spec.TimestampColumn, spec.EventTypeColumn, spec.Category.EventsColumn })
        {
            if (!string.IsNullOrWhiteSpace(column) && !names.Contains(column))
            {
                problems.Add($"Dataset \"{dataset.Name}\" has no column \"{column}\".");
            }
        }

        if (spec.Category.ProductsDatasetId is { } productsId && await datasets.FindAsync(productsId, cancellationToken) is not { } products)
        {
            problems.Add($"Products dataset {productsId} does not exist.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{spec.FamilyName} on {dataset.Name}" : request.Name.Trim();
        var target = spec.Target == SequenceTarget.Item
            ? spec.ItemColumn
            : spec.CategoryColumn ?? spec.ItemColumn;
        var description = new RunDescription(name, ServiceJson.Serialize(spec), spec.FamilyName,
            spec.Target == SequenceTarget.Item ? "Next item" : "Next category", target, spec.Sequence.Seed);
        return await recorder.EnqueueAsync(request.WorkspaceId, dataset, description, runJob.RunAsync, cancellationToken);
    }

    /// <summary>The stored spec of a sequence run, or null when the run is another family.</summary>
    public static SequenceRunSpec? SpecOf(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return SequenceFamilies.Contains(run.ModelKind) ? ServiceJson.Deserialize<SequenceRunSpec>(run.SpecJson) : null;
    }
}
