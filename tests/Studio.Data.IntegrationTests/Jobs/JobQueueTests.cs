using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Studio.Core.Jobs;
using Studio.Data.Jobs;

namespace Studio.Data.IntegrationTests.Jobs;

public sealed class JobQueueTests
{
    private static JobWorker NewWorker(TempStore store) => new(
        store.Get<JobQueue>(), store.Get<JobNotifier>(), store.Contexts, store.Get<IServiceScopeFactory>(),
        new ConfigurationBuilder().Build(), TimeProvider.System, NullLogger<JobWorker>.Instance);

    private static async Task<Job> WaitFinishedAsync(TempStore store, Guid id)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var context = await store.Contexts.CreateDbContextAsync();
            var job = await context.Jobs.SingleAsync(j => j.Id == id);
            if (job.Status.IsFinished()) return job;
            await Task.Delay(50);
        }
        throw new TimeoutException("job did not finish");
    }

    [Fact]
    public async Task Worker_JobSucceeds_StoresResultAndFullProgress()
    {
        await using var store = await TempStore.CreateAsync();
        using var worker = NewWorker(store);
        await worker.StartAsync(CancellationToken.None);

        var id = await store.Get<JobQueue>().EnqueueAsync(new JobRequest(JobKind.Analysis, "sum", job =>
        {
            job.Report(0.5, "half way");
            return Task.FromResult<string?>("{\"sum\":42}");
        }));
        var done = await WaitFinishedAsync(store, id);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1.0, done.Progress);
        Assert.Equal("{\"sum\":42}", done.ResultJson);
        Assert.NotNull(done.StartedAt);
        Assert.True(done.FinishedAt >= done.StartedAt);
    }

    [Fact]
    public async Task Worker_CancelWhileRunning_MarksCancelled()
    {
        await using var store = await TempStore.CreateAsync();
        using var worker = NewWorker(store);
        await worker.StartAsync(CancellationToken.None);
        var started = new TaskCompletionSource();
        var queue = store.Get<JobQueue>();

        var id = await queue.EnqueueAsync(new JobRequest(JobKind.Training, "long", async job =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), job.CancellationToken);
            return null;
        }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(queue.Cancel(id));
        var done = await WaitFinishedAsync(store, id);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(JobStatus.Cancelled, done.Status);
        Assert.False(queue.Cancel(id));
    }

    [Fact]
    public async Task Worker_JobThrows_MarksFailedWithMessageAndKeepsWorking()
    {
        await using var store = await TempStore.CreateAsync();
        using var worker = NewWorker(store);
        await worker.StartAsync(CancellationToken.None);
        var queue = store.Get<JobQueue>();

        var failing = await queue.EnqueueAsync(new JobRequest(JobKind.Import, "bad", _ => throw new InvalidOperationException("column 'age' is not numeric")));
        var next = await queue.EnqueueAsync(new JobRequest(JobKind.Import, "good", _ => Task.FromResult<string?>(null)));
        var failed = await WaitFinishedAsync(store, failing);
        var succeeded = await WaitFinishedAsync(store, next);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("column 'age' is not numeric", failed.Error);
        Assert.Equal(JobStatus.Succeeded, succeeded.Status);
    }

    [Fact]
    public void Notifier_ProgressBurst_IsThrottledButStatusChangesPass()
    {
        var time = new ManualTime();
        var notifier = new JobNotifier(time);
        var published = 0;
        notifier.Changed += _ => published++;
        var id = Guid.NewGuid();
        JobSnapshot Snap(JobStatus s, double p) => new(id, JobKind.Training, "t", s, p, null, null, DateTimeOffset.UnixEpoch, null, null);

        notifier.Publish(Snap(JobStatus.Running, 0));
        for (var i = 1; i <= 100; i++) notifier.PublishProgress(Snap(JobStatus.Running, i / 1000.0));
        Assert.Equal(1, published);
        time.Advance(JobNotifier.ProgressInterval);
        Assert.True(notifier.PublishProgress(Snap(JobStatus.Running, 0.2)));
        notifier.Publish(Snap(JobStatus.Succeeded, 1));
        Assert.Equal(3, published);
        Assert.Empty(notifier.Active);
    }

    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = 1;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
