using System.Diagnostics;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Models;
using Studio.Ml.Training;
using TorchSharp;

namespace Studio.Ml.Sequences.Training;

/// <summary>
/// The pipeline: validate → seed → tensors → model → epochs (shuffled batches, one dispose scope each, validation
/// AUC for early stopping, best weights kept) → test AUC / log loss → full-catalogue ranking → popularity baseline.
/// Synchronous and silent, like <see cref="ModelTrainer"/>; a hosted worker runs it and listens to progress.
/// </summary>
public sealed class SequenceTrainer
{
    /// <summary>Rows (context x candidate) per forward pass when ranking the catalogue.</summary>
    private const int RankingRowsPerPass = 16_384;

    /// <exception cref="ArgumentException">The spec or the events cannot be used (the message lists every problem).</exception>
    /// <exception cref="TrainingCancelledException">The token was cancelled; at most one more batch ran.</exception>
    public SequenceTrainingResult Train(
        SequenceSpec spec,
        InteractionLog events,
        CustomerFeatureTable? features = null,
        TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        Train(spec, SequenceDataset.Build(spec, events, features), options, progress, cancellationToken);

    public SequenceTrainingResult Train(
        SequenceSpec spec,
        SequenceDataset data,
        TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TrainingOptions();
        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The sequence spec cannot run: " + string.Join(" ", problems), nameof(spec));
        }

        if (data.Train.ContextCount == 0 || data.Test.ContextCount == 0)
        {
            throw new ArgumentException("The split leaves no training or no test targets: customers need at least 3 events.", nameof(data));
        }

        var total = Stopwatch.StartNew();
        torch.set_num_threads(options.ThreadCount);
        torch.manual_seed(spec.Seed);
        using var train = new SequenceTensors(data.Train, data.Histories);
        using var validation = new SequenceTensors(data.Validation, data.Histories);
        using var test = new SequenceTensors(data.Test, data.Histories);
        var preparation = total.Elapsed;
        var scaling = data.Histories.Scaling;
        var model = new TrainedSequenceModel(spec, data.Vocabulary, scaling, new BehaviourSequenceModel(TrainedSequenceModel.ShapeOf(data.Vocabulary, scaling), spec));
        try
        {
            using var task = new SequenceEpochTask(model, train, validation, data.Validation);
            var loop = new EpochLoop(task, SequenceEpochTask.ScheduleOf(spec, validation.ExampleCount > 0), options, progress, cancellationToken);
            var outcome = loop.Run();

            var testClock = Stopwatch.StartNew();
            progress?.Report(loop.Snapshot(TrainingPhase.Testing, spec.Epochs, 0, 0, double.NaN, null));
            var probabilities = SequenceEvaluator.Probabilities(model.Network, test, options.EvaluationBatchSize);
            var metrics = SequenceEvaluator.BinaryMetricsOf(data.Test, probabilities);
            var ranks = SequenceEvaluator.Ranks(model.Network, test, data.Test, data.Vocabulary, spec.MaxRankedTargets, RankingRowsPerPass);
            foreach (var (name, value) in RankingMetrics.Summarize(ranks, spec.RankingCutoff))
            {
                metrics[name] = value;
            }

            var popularity = RankingMetrics.Summarize(PopularityBaseline.Ranks(data.TrainItemFrequency, data.Test, spec.MaxRankedTargets), spec.RankingCutoff);
            var timings = new TrainingTimings(preparation, outcome.TrainingTime, outcome.ValidationTime, testClock.Elapsed, total.Elapsed)
            {
                TrainSamplesPerSecond = outcome.TrainingTime > TimeSpan.Zero ? outcome.SamplesTrained / outcome.TrainingTime.TotalSeconds : 0,
            };
            return new SequenceTrainingResult(model, outcome.BestEpoch, outcome.StoppedEarly, outcome.History, metrics, popularity, timings, options.ThreadCount);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
