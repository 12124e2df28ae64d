using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// The bookkeeping every training job shares, whatever the model family: the run row's status, each epoch as it
/// ends (and the best checkpoint), live updates to <see cref="TrainingNotifier"/> and the job's progress line.
/// </summary>
public sealed class RunRecorder(IDbContextFactory<StudioDbContext> contextFactory, JobQueue jobs, TrainingNotifier notifier, TimeProvider time)
{
    /// <summary>
    /// Stores a new queued run of a model on one dataset version and queues the <see cref="JobKind.Training"/> job
    /// that trains it.
    /// </summary>
    public async Task<StartedRun> EnqueueAsync(int workspaceId, Dataset dataset, RunDescription description,
        Func<JobContext, int, Task<string?>> train, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(train);
        var run = new TrainingRun
        {
            WorkspaceId = workspaceId,
            DatasetId = dataset.Id,
            DatasetVersion = dataset.Version,
            DatasetName = dataset.Name,
            Name = description.Name,
            SpecJson = description.SpecJson,
            ModelKind = description.ModelKind,
            Task = description.Task,
            TargetColumn = description.TargetColumn,
            Seed = description.Seed,
            Status = JobStatus.Queued,
            CreatedAt = time.GetUtcNow(),
        };
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            context.TrainingRuns.Add(run);
            await context.SaveChangesAsync(cancellationToken);
        }

        var runId = run.Id;
        var jobId = await jobs.EnqueueAsync(new JobRequest(JobKind.Training, $"Train {run.Name}",
            job => train(job, runId), run.WorkspaceId, run.SpecJson), cancellationToken);
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await context.TrainingRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), cancellationToken);
        }

        return new StartedRun(runId, jobId);
    }

    public async Task<TrainingRun> FindAsync(int runId)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        return await context.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId)
            ?? throw new InvalidOperationException($"Training run {runId} does not exist.");
    }

    public Task<TrainingRun> MarkRunningAsync(int runId) => UpdateAsync(runId, r =>
    {
        r.Status = JobStatus.Running;
        r.StartedAt = time.GetUtcNow();
    });

    /// <summary>Stores the outcome, publishes it and reports the job's final line.</summary>
    public async Task<TrainingRun> SucceedAsync(JobContext job, int runId, Action<TrainingRun> outcome, string headline)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(outcome);
        var finished = await UpdateAsync(runId, r =>
        {
            r.Status = JobStatus.Succeeded;
            r.FinishedAt = time.GetUtcNow();
            outcome(r);
        });
        notifier.Publish(new RunUpdate(runId, JobStatus.Succeeded, null));
        job.Report(1, string.Create(CultureInfo.InvariantCulture, $"Best epoch {finished.BestEpoch}, {headline}"));
        return finished;
    }

    /// <summary>Records a cancelled (or, when the host stops, interrupted) or failed run; keeps the best checkpoint so far.</summary>
    public async Task FailAsync(JobContext job, int runId, Exception error, string checkpoint)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(error);
        if (error is OperationCanceledException && job.CancellationToken.IsCancellationRequested)
        {
            var stopping = job.Services.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true;
            await FinishAsync(runId, stopping ? JobStatus.Interrupted : JobStatus.Cancelled, null, checkpoint);
        }
        else
        {
            await FinishAsync(runId, JobStatus.Failed, error.Message, checkpoint);
        }
    }

    public IProgress<TrainingProgress> ProgressFor(JobContext job, int runId, string checkpoint) =>
        new SynchronousProgress<TrainingProgress>(p => OnProgress(job, runId, checkpoint, p));

    private void OnProgress(JobContext job, int runId, string checkpoint, TrainingProgress progress)
    {
        if (progress.Completed is { } epoch)
        {
            SaveEpoch(runId, epoch, checkpoint);
        }

        notifier.Publish(new RunUpdate(runId, JobStatus.Running, progress));
        var done = progress.Epochs == 0 ? 0 : (progress.Epoch - 1 + (progress.BatchesPerEpoch == 0 ? 1 : (double)progress.Batch / progress.BatchesPerEpoch)) / progress.Epochs;
        var message = progress.Phase == TrainingPhase.Testing
            ? "Scoring the test rows"
            : string.Create(CultureInfo.InvariantCulture, $"Epoch {progress.Epoch}/{progress.Epochs}, loss {progress.Loss:0.0000}")
              + (progress.EstimatedRemaining is { } eta ? $", ETA {eta:m\\:ss}" : "");
        job.Report(Math.Clamp(done, 0, 0.99), message);
    }

    private void SaveEpoch(int runId, EpochRecord epoch, string checkpoint)
    {
        using var context = contextFactory.CreateDbContext();
        context.TrainingEpochs.Add(new TrainingEpoch
        {
            RunId = runId,
            Epoch = epoch.Epoch,
            TrainLoss = epoch.TrainLoss,
            ValidationLoss = epoch.ValidationLoss,
            ValidationMetricsJson = ServiceJson.Serialize(epoch.ValidationMetrics),
            SamplesPerSecond = epoch.SamplesPerSecond,
            DurationSeconds = epoch.Duration.TotalSeconds,
            IsBest = epoch.IsBest,
        });
        if (epoch.IsBest && File.Exists(checkpoint))
        {
            // The trainer has just written the improved model; a restart from here keeps it.
            var run = context.TrainingRuns.Find(runId);
            if (run is not null)
            {
                run.CheckpointPath = checkpoint;
                run.BestEpoch = epoch.Epoch;
            }
        }
        context.SaveChanges();
    }

    private async Task FinishAsync(int runId, JobStatus status, string? error, string checkpoint)
    {
        await UpdateAsync(runId, r =>
        {
            r.Status = status;
            r.Error = error;
            r.FinishedAt = time.GetUtcNow();
            r.CheckpointPath = File.Exists(checkpoint) ? checkpoint : null;
        });
        notifier.Publish(new RunUpdate(runId, status, null, error));
    }

    private async Task<TrainingRun> UpdateAsync(int runId, Action<TrainingRun> change)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        var run = await context.TrainingRuns.FirstAsync(r => r.Id == runId);
        change(run);
        await context.SaveChangesAsync();
        return run;
    }
}

/// <summary>What a new run is: its name, full spec (JSON), model family, task, target and seed.</summary>
public sealed record RunDescription(string Name, string SpecJson, string ModelKind, string Task, string TargetColumn, int Seed);
