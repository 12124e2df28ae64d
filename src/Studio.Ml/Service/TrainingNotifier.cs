using System.Collections.Concurrent;
using Studio.Core.Jobs;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>A live update of one run: its status and, while training, the latest progress (and the epoch that just ended).</summary>
public sealed record RunUpdate(int RunId, JobStatus Status, TrainingProgress? Progress, string? Error = null);

/// <summary>
/// Live training progress for pages. Batch progress is throttled per run (a few updates per second); epoch ends and
/// status changes always go through, so a curve never misses a point.
/// </summary>
public sealed class TrainingNotifier(TimeProvider time)
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<int, RunUpdate> _latest = new();
    private readonly ConcurrentDictionary<int, long> _lastTicks = new();

    public event Action<RunUpdate>? Changed;

    public RunUpdate? Latest(int runId) => _latest.TryGetValue(runId, out var update) ? update : null;

    /// <summary>Publishes <paramref name="update"/> unless it is a mid-epoch tick that comes too soon; returns whether it went out.</summary>
    public bool Publish(RunUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _latest[update.RunId] = update;
        var now = time.GetTimestamp();
        var isTick = update.Status == JobStatus.Running && update.Progress is { Phase: TrainingPhase.Training };
        if (isTick && _lastTicks.TryGetValue(update.RunId, out var last) && time.GetElapsedTime(last, now) < ProgressInterval)
        {
            return false;
        }

        _lastTicks[update.RunId] = now;
        Changed?.Invoke(update);
        return true;
    }
}
