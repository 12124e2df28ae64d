using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Analysis.ModelEncoding;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// The body of a training job: load the dataset version, train on the worker thread, save each epoch as it ends
/// (and the best checkpoint whenever validation improves), then the test metrics and predictions.
/// </summary>
public sealed class TrainingRunJob(
    IDbContextFactory<StudioDbContext> contextFactory,
    DatasetRepository datasets,
    DatasetFeatureLoader loader,
    EncoderStore encoders,
    TrainingNotifier notifier,
    RunFiles files,
    TimeProvider time)
{
    /// <summary>Training threads; the default leaves the web server one core.</summary>
    public int ThreadCount { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    public async Task<string?> RunAsync(JobContext job, int runId)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = await FindAsync(runId);
        var spec = ServiceJson.Deserialize<TrainingSpec>(run.SpecJson);
        var checkpoint = files.CheckpointPath(runId);
        try
        {
            job.Report(0, "Loading the dataset");
            var dataset = await datasets.FindAsync(run.DatasetId, job.CancellationToken)
                ?? throw new InvalidOperationException($"Dataset {run.DatasetId} no longer exists.");
            var table = await loader.LoadAsync(dataset, spec, job.CancellationToken);
            await UpdateAsync(runId, r =>
            {
                r.Status = JobStatus.Running;
                r.StartedAt = time.GetUtcNow();
            });
            var options = new TrainingOptions
            {
                ThreadCount = ThreadCount,
                CheckpointPath = checkpoint,
                DatasetEncoding = await encoders.LoadAsync(dataset.Id, job.CancellationToken),
            };
            var progress = new SynchronousProgress<TrainingProgress>(p => OnProgress(job, runId, checkpoint, p));
            using var result = new DisposableResult(new ModelTrainer().Train(spec, table, options, progress, job.CancellationToken));
            var predictionsPath = files.PredictionsPath(runId);
            RunFiles.WritePredictions(result.Value.TestPredictions, predictionsPath);
            Checkpoints.ModelCheckpoint.Save(result.Value.Model, checkpoint);
            var finished = await UpdateAsync(runId, r =>
            {
                r.Status = JobStatus.Succeeded;
                r.FinishedAt = time.GetUtcNow();
                r.BestEpoch = result.Value.BestEpoch;
                r.StoppedEarly = result.Value.StoppedEarly;
                r.TestMetricsJson = ServiceJson.Serialize(result.Value.TestMetrics);
                r.TimingsJson = ServiceJson.Serialize(result.Value.Timings);
                r.CheckpointPath = checkpoint;
                r.PredictionsPath = predictionsPath;
            });
            notifier.Publish(new RunUpdate(runId, JobStatus.Succeeded, null));
            job.Report(1, Summary(finished));
            return ServiceJson.Serialize(new { runId, bestEpoch = result.Value.BestEpoch });
        }
        catch (OperationCanceledException) when (job.CancellationToken.IsCancellationRequested)
        {
            var stopping = job.Services.GetService<IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true;
            await FinishAsync(runId, stopping ? JobStatus.Interrupted : JobStatus.Cancelled, null, checkpoint);
            throw;
        }
        catch (Exception ex)
        {
            await FinishAsync(runId, JobStatus.Failed, ex.Message, checkpoint);
            throw;
        }
    }

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

    private async Task<TrainingRun> FindAsync(int runId)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        return await context.TrainingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId)
            ?? throw new InvalidOperationException($"Training run {runId} does not exist.");
    }

    private async Task<TrainingRun> UpdateAsync(int runId, Action<TrainingRun> change)
    {
        await using var context = await contextFactory.CreateDbContextAsync();
        var run = await context.TrainingRuns.FirstAsync(r => r.Id == runId);
        change(run);
        await context.SaveChangesAsync();
        return run;
    }

    private static string Summary(TrainingRun run)
    {
        var metrics = ServiceJson.Metrics(run.TestMetricsJson);
        var headline = metrics.TryGetValue(Evaluation.MetricNames.Auc, out var auc) ? $"test AUC {auc:0.000}"
            : metrics.TryGetValue(Evaluation.MetricNames.Accuracy, out var accuracy) ? $"test accuracy {accuracy:0.000}"
            : metrics.TryGetValue(Evaluation.MetricNames.Rmse, out var rmse) ? $"test RMSE {rmse:0.###}" : "done";
        return string.Create(CultureInfo.InvariantCulture, $"Best epoch {run.BestEpoch}, {headline}");
    }

    /// <summary>Disposes the trained network once its files are written.</summary>
    private sealed class DisposableResult(TrainingResult value) : IDisposable
    {
        public TrainingResult Value { get; } = value;

        public void Dispose() => Value.Model.Dispose();
    }
}
