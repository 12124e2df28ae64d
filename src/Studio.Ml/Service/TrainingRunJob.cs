using System.Globalization;
using Studio.Analysis.ModelEncoding;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// The body of a training job: load the dataset version, train on the worker thread, save each epoch as it ends
/// (and the best checkpoint whenever validation improves), then the test metrics and predictions.
/// </summary>
public sealed class TrainingRunJob(
    DatasetRepository datasets,
    DatasetFeatureLoader loader,
    EncoderStore encoders,
    RunRecorder recorder,
    RunFiles files)
{
    /// <summary>Training threads; the default leaves the web server one core.</summary>
    public int ThreadCount { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    public async Task<string?> RunAsync(JobContext job, int runId)
    {
        ArgumentNullException.ThrowIfNull(job);
        var run = await recorder.FindAsync(runId);
        var spec = ServiceJson.Deserialize<TrainingSpec>(run.SpecJson);
        var checkpoint = files.CheckpointPath(runId);
        try
        {
            job.Report(0, "Loading the dataset");
            var dataset = await datasets.FindAsync(run.DatasetId, job.CancellationToken)
                ?? throw new InvalidOperationException($"Dataset {run.DatasetId} no longer exists.");
            var table = await loader.LoadAsync(dataset, spec, job.CancellationToken);
            await recorder.MarkRunningAsync(runId);
            var options = new TrainingOptions
            {
                ThreadCount = ThreadCount,
                CheckpointPath = checkpoint,
                DatasetEncoding = await encoders.LoadAsync(dataset.Id, job.CancellationToken),
            };
            using var result = new DisposableResult(new ModelTrainer().Train(spec, table, options, recorder.ProgressFor(job, runId, checkpoint), job.CancellationToken));
            var predictionsPath = files.PredictionsPath(runId);
            RunFiles.WritePredictions(result.Value.TestPredictions, predictionsPath);
            Checkpoints.ModelCheckpoint.Save(result.Value.Model, checkpoint);
            await recorder.SucceedAsync(job, runId, r =>
            {
                r.BestEpoch = result.Value.BestEpoch;
                r.StoppedEarly = result.Value.StoppedEarly;
                r.TestMetricsJson = ServiceJson.Serialize(result.Value.TestMetrics);
                r.TimingsJson = ServiceJson.Serialize(result.Value.Timings);
                r.CheckpointPath = checkpoint;
                r.PredictionsPath = predictionsPath;
            }, Headline(result.Value.TestMetrics));
            return ServiceJson.Serialize(new { runId, bestEpoch = result.Value.BestEpoch });
        }
        catch (Exception ex)
        {
            await recorder.FailAsync(job, runId, ex, checkpoint);
            throw;
        }
    }

    private static string Headline(IReadOnlyDictionary<string, double> metrics) =>
        metrics.TryGetValue(Evaluation.MetricNames.Auc, out var auc) ? string.Create(CultureInfo.InvariantCulture, $"test AUC {auc:0.000}")
        : metrics.TryGetValue(Evaluation.MetricNames.Accuracy, out var accuracy) ? string.Create(CultureInfo.InvariantCulture, $"test accuracy {accuracy:0.000}")
        : metrics.TryGetValue(Evaluation.MetricNames.Rmse, out var rmse) ? string.Create(CultureInfo.InvariantCulture, $"test RMSE {rmse:0.###}") : "done";

    /// <summary>Disposes the trained network once its files are written.</summary>
    private sealed class DisposableResult(TrainingResult value) : IDisposable
    {
        public TrainingResult Value { get; } = value;

        public void Dispose() => Value.Model.Dispose();
    }
}
