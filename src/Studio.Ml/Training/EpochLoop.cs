using System.Diagnostics;
using Studio.Ml.Checkpoints;
using Studio.Ml.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

internal sealed record EpochLoopOutcome(
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    bool StoppedEarly,
    TimeSpan TrainingTime,
    TimeSpan ValidationTime,
    long SamplesTrained);

/// <summary>
/// Runs the epochs: shuffled batches cut from whole-split tensors with index_select, one dispose scope per batch,
/// validation without gradients, early stopping with the best weights kept in memory (and on disk when asked).
/// </summary>
internal sealed class EpochLoop(
    TrainedModel model,
    LossFunction loss,
    TrainingOptions options,
    IProgress<TrainingProgress>? progress,
    CancellationToken cancellationToken)
{
    private readonly TrainingSpec _spec = model.Spec;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _trainClock = new();
    private readonly List<EpochRecord> _history = [];
    private long _batchesCompleted;
    private long _samplesTrained;
    private int _batchesPerEpoch;

    public EpochLoopOutcome Run(TensorData train, TensorData validation)
    {
        var random = new Random(_spec.Seed + 1);
        var stopping = new EarlyStopping(_spec.EarlyStopping);
        var validationClock = new Stopwatch();
        using var optimizer = OptimizerFactory.Create(_spec.Optimizer, model.Network.parameters());
        Dictionary<string, Tensor>? best = null;
        _batchesPerEpoch = (int)((train.Count + _spec.BatchSize - 1) / _spec.BatchSize);
        try
        {
            for (var epoch = 1; epoch <= _spec.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var trainLoss = TrainEpoch(epoch, train, optimizer, random);
                var epochTrainTime = epochClock.Elapsed;

                validationClock.Start();
                var (predictions, validationLoss) = validation.Count > 0
                    ? model.Evaluate(validation, options.EvaluationBatchSize, loss)
                    : (null, double.NaN);
                var metrics = predictions is null
                    ? new Dictionary<string, double>()
                    : MetricSummary.Compute(predictions, options.DecisionThreshold);
                validationClock.Stop();

                var record = new EpochRecord(epoch, trainLoss, validationLoss, metrics, epochClock.Elapsed, train.Count / epochTrainTime.TotalSeconds, false);
                var isBest = stopping.Observe(record);
                record = record with { IsBest = isBest };
                _history.Add(record);
                if (isBest)
                {
                    Keep(ref best);
                }

                progress?.Report(Snapshot(TrainingPhase.EpochCompleted, epoch, _batchesPerEpoch, trainLoss, train.Count / epochTrainTime.TotalSeconds, record));
                if (stopping.ShouldStop && epoch < _spec.Epochs)
                {
                    Restore(best, stopping.BestEpoch);
                    return Outcome(stopping.BestEpoch, stoppedEarly: true, validationClock.Elapsed);
                }
            }

            Restore(best, stopping.BestEpoch);
            return Outcome(stopping.BestEpoch, stoppedEarly: false, validationClock.Elapsed);
        }
        finally
        {
            DisposeAll(best);
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

    private double TrainEpoch(int epoch, TensorData train, optim.Optimizer optimizer, Random random)
    {
        var order = new long[train.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

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
            var length = Math.Min(_spec.BatchSize, train.Count - start);
            if (length < 2 && _spec.Model.BatchNorm)
            {
                continue; // batch norm cannot train on a single row
            }

            _trainClock.Start();
            using (var scope = torch.NewDisposeScope())
            {
                var index = permutation.narrow(0, start, length);
                optimizer.zero_grad();
                var output = model.Network.forward(train.Categorical.index_select(0, index), train.Numeric.index_select(0, index));
                var batchLoss = loss.Compute(output, train.Target.index_select(0, index));
                batchLoss.backward();
                optimizer.step();
                lossSum += batchLoss.item<float>() * length;
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
        DisposeAll(best);
        best = model.Network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        if (options.CheckpointPath is { } path)
        {
            ModelCheckpoint.Save(model, path);
        }
    }

    private void Restore(Dictionary<string, Tensor>? best, int bestEpoch)
    {
        if (best is not null && bestEpoch != _history[^1].Epoch)
        {
            model.Network.load_state_dict(best);
        }
    }

    private EpochLoopOutcome Outcome(int bestEpoch, bool stoppedEarly, TimeSpan validationTime) =>
        new(_history, bestEpoch, stoppedEarly, _trainClock.Elapsed, validationTime, _samplesTrained);

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (var tensor in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
    }
}
