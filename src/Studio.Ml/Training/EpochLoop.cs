using System.Diagnostics;
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
/// Shared by every model family through <see cref="IEpochTask"/>.
/// </summary>
internal sealed class EpochLoop(
    IEpochTask task,
    EpochSchedule schedule,
    TrainingOptions options,
    IProgress<TrainingProgress>? progress,
    CancellationToken cancellationToken)
{
    private readonly EpochSchedule _spec = schedule;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _trainClock = new();
    private readonly List<EpochRecord> _history = [];
    private long _batchesCompleted;
    private long _samplesTrained;
    private int _batchesPerEpoch;

    public EpochLoopOutcome Run()
    {
        var random = new Random(_spec.Seed + 1);
        var stopping = new EarlyStopping(_spec.EarlyStopping);
        var validationClock = new Stopwatch();
        using var optimizer = OptimizerFactory.Create(_spec.Optimizer, task.Network.parameters());
        Dictionary<string, Tensor>? best = null;
        var trainCount = task.TrainCount;
        _batchesPerEpoch = (int)((trainCount + _spec.BatchSize - 1) / _spec.BatchSize);
        try
        {
            for (var epoch = 1; epoch <= _spec.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var trainLoss = TrainEpoch(epoch, trainCount, optimizer, random);
                var epochTrainTime = epochClock.Elapsed;

                validationClock.Start();
                var (metrics, validationLoss) = task.Validate(options.EvaluationBatchSize);
                validationClock.Stop();

                var record = new EpochRecord(epoch, trainLoss, validationLoss, metrics, epochClock.Elapsed, trainCount / epochTrainTime.TotalSeconds, false);
                var isBest = stopping.Observe(record);
                record = record with { IsBest = isBest };
                _history.Add(record);
                if (isBest)
                {
                    Keep(ref best);
                }

                progress?.Report(Snapshot(TrainingPhase.EpochCompleted, epoch, _batchesPerEpoch, trainLoss, trainCount / epochTrainTime.TotalSeconds, record));
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

    private double TrainEpoch(int epoch, long trainCount, optim.Optimizer optimizer, Random random)
    {
        var order = new long[trainCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        using var permutation = torch.tensor(order);
        task.Network.train();
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
            var length = Math.Min(_spec.BatchSize, trainCount - start);
            if (task.SkipsBatch(length))
            {
                continue; // batch norm cannot train on a single row
            }

            _trainClock.Start();
            using (var scope = torch.NewDisposeScope())
            {
                var index = permutation.narrow(0, start, length);
                optimizer.zero_grad();
                var batchLoss = task.BatchLoss(index);
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
        best = task.Network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
        if (options.CheckpointPath is { } path)
        {
            task.SaveCheckpoint(path);
        }
    }

    private void Restore(Dictionary<string, Tensor>? best, int bestEpoch)
    {
        if (best is not null && bestEpoch != _history[^1].Epoch)
        {
            task.Network.load_state_dict(best);
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
