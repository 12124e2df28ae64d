using Studio.Core.Jobs;
using Studio.Data.Jobs;

namespace Studio.Data.IntegrationTests.Jobs;

public sealed class JobNotifierTests
{
    private static JobSnapshot Snapshot(Guid id, JobStatus status, double progress) =>
        new(id, JobKind.Analysis, "k-means scan", status, progress, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null);

    /// <summary>A clock on which a second passes between any two readings, so no progress report is throttled.</summary>
    private sealed class SlowClock : TimeProvider
    {
        private long _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks += TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void PublishProgress_AfterTheJobSucceeded_IsDroppedAndTheJobStaysSucceeded()
    {
        var notifier = new JobNotifier(new SlowClock());
        var seen = new List<JobStatus>();
        notifier.Changed += s => seen.Add(s.Status);
        var id = Guid.NewGuid();

        notifier.Publish(Snapshot(id, JobStatus.Running, 0));
        Assert.True(notifier.PublishProgress(Snapshot(id, JobStatus.Running, 0.5)));
        notifier.Publish(Snapshot(id, JobStatus.Succeeded, 1));
        var published = notifier.PublishProgress(Snapshot(id, JobStatus.Running, 1)); // a report that lost the race
        notifier.Publish(Snapshot(id, JobStatus.Running, 1));

        Assert.False(published);
        Assert.Equal([JobStatus.Running, JobStatus.Running, JobStatus.Succeeded], seen);
        Assert.Equal(JobStatus.Succeeded, notifier.Find(id)!.Status);
        Assert.Empty(notifier.Active);
    }

    [Fact]
    public void Publish_RunningThenCancelled_BothGoThrough()
    {
        var notifier = new JobNotifier(TimeProvider.System);
        var seen = new List<JobStatus>();
        notifier.Changed += s => seen.Add(s.Status);
        var id = Guid.NewGuid();

        notifier.Publish(Snapshot(id, JobStatus.Queued, 0));
        notifier.Publish(Snapshot(id, JobStatus.Running, 0.5));
        notifier.Publish(Snapshot(id, JobStatus.Cancelled, 0.5));

        Assert.Equal([JobStatus.Queued, JobStatus.Running, JobStatus.Cancelled], seen);
    }
}
