using System.Diagnostics;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Training;

internal sealed record SequenceLoopOutcome(IReadOnlyList<EpochRecord> History, int BestEpoch, bool StoppedEarly, TimeSpan TrainingTime, TimeSpan ValidationTime, long SamplesTrained);

/// <summary>
/// The epochs of a sequence model, following the tabular EpochLoop: a seeded shuffle per epoch, one dispose scope
/// per batch, the token checked before every batch, throttled progress, early stopping on validation metrics with
/// the best weights kept in memory (and written as a checkpoint when asked).
/// </summary>
internal sealed class SequenceEpochLoop(TrainedSequenceModel model, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
{
    private readonly SequenceSpec _spec = model.Spec;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _trainClock = new();
    private readonly List<EpochRecord> _history = [];
    private long _batchesCompleted;
    private long _samplesTrained;
    private int _batchesPerEpoch;

    public SequenceLoopOutcome Run(SequenceTensors train, SequenceTensors validation, SequenceExamples validationExamples)
    {
        var random = new Random(_spec.Seed + 1);
        var stopping = new EarlyStopping(validation.ExampleCount > 0 ? _spec.EarlyStopping : null);
        var validationClock = new Stopwatch();
        using var optimizer = OptimizerFactory.Create(_spec.Optimizer, model.Network.parameters());
        using var lossFunction = nn.BCEWithLogitsLoss();
        Dictionary<string, Tensor>? best = null;
        _batchesPerEpoch = (train.ExampleCount + _spec.BatchSize - 1) / _spec.BatchSize;
        try
        {
            for (var epoch = 1; epoch <= _spec.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var trainLoss = TrainEpoch(epoch, train, optimizer, lossFunction, random);
                var speed = train.ExampleCount / epochClock.Elapsed.TotalSeconds;

                validationClock.Start();
                var metrics = validation.ExampleCount > 0
                    ? SequenceEvaluator.BinaryMetricsOf(validationExamples, SequenceEvaluator.Probabilities(model.Network, validation, options.EvaluationBatchSize))
                    : [];
                validationClock.Stop();

                var record = new EpochRecord(epoch, trainLoss, metrics.GetValueOrDefault(Ml.Evaluation.MetricNames.LogLoss, double.NaN), metrics, epochClock.Elapsed, speed, false);
                var isBest = stopping.Observe(record);
                record = record with { IsBest = isBest };
                _history.Add(record);
                if (isBest)
                {
                    Keep(ref best);
                }

                progress?.Report(Snapshot(TrainingPhase.EpochCompleted, epoch, _batchesPerEpoch, trainLoss, speed, record));
                if (stopping.ShouldStop && epoch < _spec.Epochs)
                {
                    Restore(best, stopping.BestEpoch);
                    return new(_history, stopping.BestEpoch, true, _trainClock.Elapsed, validationClock.Elapsed, _samplesTrained);
                }
            }

            Restore(best, stopping.BestEpoch);
            return new(_history, stopping.BestEpoch, false, _trainClock.Elapsed, validationClock.Elapsed, _samplesTrained);
        }
        finally
        {
            foreach (var tensor in best?.Values ?? Enumerable.Empty<Tensor>())
            {
                tensor.Dispose();
            }
        }
    }

    public TrainingProgress Snapshot(TrainingPhase phase, int epoch, int batch, double lossValue, double samplesPerSecond, EpochRecord? completed)
    {
        var totalBatches = (long)_batchesPerEpoch * _spec.Epochs;
        TimeSpan? remaining = _batchesCompleted == 0
            ? null
            : TimeSpan.FromTicks(_trainClock.Elapsed.Ticks / _batchesCompleted * Math.Max(0, totalBatches - _batchesCompleted));
        return new TrainingProgress(phase, epoch, _spec.Epochs, batch, _batchesPerEpoch, lossValue, samplesPerSecond, _clock.Elapsed, remaining, completed);
    }

    private double TrainEpoch(int epoch, SequenceTensors train, optim.Optimizer optimizer, TorchSharp.Modules.BCEWithLogitsLoss lossFunction, Random random)
    {
        var order = Enumerable.Range(0, train.ExampleCount).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        using var permutation = torch.tensor(order);
        model.Network.train();
        double lossSum = 0;
        long seen = 0;
        var epochClock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        for (var batch = 0; batch < _batchesPerEpoch; batch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TrainingCancelledException(_history.ToList(), _batchesCompleted, cancellationToken);
            }

            var start = (long)batch * _spec.BatchSize;
            var length = Math.Min(_spec.BatchSize, train.ExampleCount - start);
            _trainClock.Start();
            using (var scope = torch.NewDisposeScope())
            {
                var index = permutation.narrow(0, start, length);
                optimizer.zero_grad();
                var output = model.Network.forward(train.Examples(index));
                var loss = lossFunction.forward(output.Logits, train.Labels.index_select(0, index));
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * length;
            }

            _trainClock.Stop();
            seen += length;
            _samplesTrained += length;
            _batchesCompleted++;
            if (progress is not null && epochClock.Elapsed - lastReport >= options.ProgressInterval)
            {
                lastReport = epochClock.Elapsed;
                progress.Report(Snapshot(TrainingPhase.Training, epoch, batch + 1, lossSum / seen, seen / epochClock.Elapsed.TotalSeconds, null));
            }
        }

        return seen == 0 ? double.NaN : lossSum / seen;
    }

    private void Keep(ref Dictionary<string, Tensor>? best)
    {
        foreach (var tensor in best?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }

        best = model.Network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        if (options.CheckpointPath is { } path)
        {
            SequenceCheckpoint.Save(model, path);
        }
    }

    private void Restore(Dictionary<string, Tensor>? best, int bestEpoch)
    {
        if (best is not null && bestEpoch != _history[^1].Epoch)
        {
            model.Network.load_state_dict(best);
        }
    }
}
