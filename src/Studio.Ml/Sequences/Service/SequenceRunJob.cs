using System.Globalization;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Ml.Sequences.Service;

/// <summary>
/// The body of a sequence training job: read the events, train on the worker thread with the shared
/// <see cref="RunRecorder"/> bookkeeping (epochs, best checkpoint, live curves, cancel), then store the test metrics
/// with the popularity baseline's ranking metrics beside them (prefixed <see cref="SequenceFamilies.PopularityPrefix"/>).
/// </summary>
public sealed class SequenceRunJob(DatasetRepository datasets, SequenceEventsLoader loader, RunRecorder recorder, RunFiles files)
{
    /// <summary>Training threads; the default leaves the web server one core.</summary>
    public int ThreadCount { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    public async Task<string?> RunAsync(JobContext job, int runId)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = await recorder.FindAsync(runId);
        var spec = ServiceJson.Deserialize<SequenceRunSpec>(run.SpecJson);
        var checkpoint = files.CheckpointPath(runId);
        try
        {
            job.Report(0, "Reading the events");
            var dataset = await datasets.FindAsync(run.DatasetId, job.CancellationToken)
                ?? throw new InvalidOperationException($"Dataset {run.DatasetId} no longer exists.");
            var log = await loader.LoadAsync(dataset, spec, job.CancellationToken);
            job.Report(0, string.Create(CultureInfo.InvariantCulture, $"Building histories from {log.Count:N0} events"));
            await recorder.MarkRunningAsync(runId);
            var options = new TrainingOptions { ThreadCount = ThreadCount, CheckpointPath = checkpoint };
            var result = new SequenceTrainer().Train(spec.Sequence, log, null, options, recorder.ProgressFor(job, runId, checkpoint), job.CancellationToken);
            using (result.Model)
            {
                SequenceCheckpoint.Save(result.Model, checkpoint);
            }

            var metrics = result.TestMetrics.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var (name, value) in result.PopularityMetrics)
            {
                metrics[SequenceFamilies.PopularityPrefix + name] = value;
            }

            await recorder.SucceedAsync(job, runId, r =>
            {
                r.BestEpoch = result.BestEpoch;
                r.StoppedEarly = result.StoppedEarly;
                r.TestMetricsJson = ServiceJson.Serialize(metrics);
                r.TimingsJson = ServiceJson.Serialize(result.Timings);
                r.CheckpointPath = checkpoint;
            }, string.Create(CultureInfo.InvariantCulture, $"test AUC {metrics[MetricNames.Auc]:0.000}"));
            return ServiceJson.Serialize(new { runId, bestEpoch = result.BestEpoch });
        }
        catch (Exception ex)
        {
            await recorder.FailAsync(job, runId, ex, checkpoint);
            throw;
        }
    }
}
