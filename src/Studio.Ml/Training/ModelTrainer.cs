using System.Diagnostics;
using Studio.Ml.Evaluation;
using Studio.Ml.Features;
using Studio.Ml.Models;
using TorchSharp;

namespace Studio.Ml.Training;

/// <summary>
/// The pipeline: validate → seed → split → fit the encoder on the training rows → tensors → model → epochs with
/// early stopping → test. Synchronous and silent; a hosted worker runs it on its own thread and listens to progress.
/// </summary>
public sealed class ModelTrainer
{
    /// <exception cref="ArgumentException">The spec does not fit the table (the message lists every problem).</exception>
    /// <exception cref="TrainingCancelledException">The token was cancelled; at most one more batch ran.</exception>
    public TrainingResult Train(
        TrainingSpec spec,
        FeatureTable table,
        TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TrainingOptions();
        var problems = spec.Validate(table.Schema);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The training spec cannot run: " + string.Join(" ", problems), nameof(spec));
        }

        var total = Stopwatch.StartNew();
        NativeMemory.ReturnLargeBuffersToTheSystem();
        torch.set_num_threads(options.ThreadCount);
        torch.manual_seed(spec.Seed);
        var split = DataSplitter.Split(spec, table);
        if (split.Train.Length == 0 || split.Test.Length == 0)
        {
            throw new ArgumentException("The split leaves no training or no test rows: add rows or change the ratios.", nameof(table));
        }

        var encoder = FeatureEncoder.Fit(spec, table, split.Train, options.DatasetEncoding);
        var features = encoder.Encode(table);
        var target = encoder.Target.Encode(table);
        var classIndices = spec.Task == PredictionTask.MultiClass;
        using var train = TensorData.From(features, target, split.Train, classIndices);
        using var validation = TensorData.From(features, target, split.Validation, classIndices);
        using var test = TensorData.From(features, target, split.Test, classIndices);
        var preparation = total.Elapsed;

        var model = new TrainedModel(spec, encoder, ModelFactory.Create(spec, encoder));
        try
        {
            using var loss = LossFunction.Create(spec, train.Target, encoder.Target.OutputCount);
            var run = new EpochLoop(new TabularEpochTask(model, loss, train, validation, options), TabularEpochTask.ScheduleOf(spec), options, progress, cancellationToken);
            var outcome = run.Run();

            var testWatch = Stopwatch.StartNew();
            progress?.Report(run.Snapshot(TrainingPhase.Testing, spec.Epochs, 0, 0, double.NaN, null));
            var testPredictions = model.Predict(test, options.EvaluationBatchSize);
            var testMetrics = MetricSummary.Compute(testPredictions, options.DecisionThreshold);
            var timings = new TrainingTimings(preparation, outcome.TrainingTime, outcome.ValidationTime, testWatch.Elapsed, total.Elapsed)
            {
                TrainSamplesPerSecond = outcome.TrainingTime > TimeSpan.Zero ? outcome.SamplesTrained / outcome.TrainingTime.TotalSeconds : 0,
            };
            return new TrainingResult(model, outcome.BestEpoch, outcome.StoppedEarly, outcome.History, testMetrics, testPredictions, split, timings, options.ThreadCount);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
