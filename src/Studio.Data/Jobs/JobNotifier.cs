using System.Collections.Concurrent;

namespace Studio.Data.Jobs;

/// <summary>
/// The live state of jobs for subscribers (pages, the app bar). Progress events are throttled per job so that
/// a training loop reporting every batch does not flood the circuits; status changes always go through. Once a job
/// has finished, nothing takes it back to queued or running, so subscribers need no guard of their own.
/// </summary>
public sealed class JobNotifier(TimeProvider time)
{
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<Guid, JobSnapshot> _jobs = new();
    private readonly ConcurrentDictionary<Guid, long> _lastProgressTicks = new();

    public event Action<JobSnapshot>? Changed;

    public IReadOnlyList<JobSnapshot> Active =>
        _jobs.Values.Where(j => !Core.Jobs.JobStatusExtensions.IsFinished(j.Status)).OrderBy(j => j.CreatedAt).ToList();

    public JobSnapshot? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>A status change: published unless the job has already finished (a finished job never runs again).</summary>
    public void Publish(JobSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Accept(snapshot)) return;
        _lastProgressTicks[snapshot.Id] = time.GetTimestamp();
        Changed?.Invoke(snapshot);
    }

    /// <summary>A progress tick: published at most every <see cref="ProgressInterval"/> per job.</summary>
    public bool PublishProgress(JobSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!Accept(snapshot)) return false;
        var now = time.GetTimestamp();
        var last = _lastProgressTicks.GetOrAdd(snapshot.Id, 0);
        if (last != 0 && time.GetElapsedTime(last, now) < ProgressInterval) return false;
        _lastProgressTicks[snapshot.Id] = now;
        Changed?.Invoke(snapshot);
        return true;
    }

    // Stores the snapshot unless it would take a finished job back to queued or running: a late progress report
    // (from a thread that lost the race with the job's end) must not leave pages showing a job that never ends.
    private bool Accept(JobSnapshot snapshot)
    {
        var finished = Core.Jobs.JobStatusExtensions.IsFinished(snapshot.Status);
        while (true)
        {
            if (!_jobs.TryGetValue(snapshot.Id, out var current))
            {
                if (_jobs.TryAdd(snapshot.Id, snapshot)) return true;
                continue;
            }
            if (!finished && Core.Jobs.JobStatusExtensions.IsFinished(current.Status)) return false;
            if (_jobs.TryUpdate(snapshot.Id, snapshot, current)) return true;
        }
    }
}
