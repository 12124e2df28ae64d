using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Studio.Core.Jobs;

namespace Studio.Data.Jobs;

/// <summary>
/// Drains the <see cref="JobQueue"/> with a fixed number of workers (<c>Studio:Jobs:Workers</c>, default 1).
/// Progress goes to the <see cref="JobNotifier"/> (throttled) and to the database every couple of seconds.
/// </summary>
public sealed partial class JobWorker(
    JobQueue queue,
    JobNotifier notifier,
    IDbContextFactory<StudioDbContext> contextFactory,
    IServiceScopeFactory scopeFactory,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<JobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Max(1, configuration.GetValue("Studio:Jobs:Workers", 1));
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => DrainAsync(stoppingToken), stoppingToken)));
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (id, request) in queue.Reader.ReadAllAsync(stoppingToken))
                await RunOneAsync(id, request, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: jobs left in the queue are marked interrupted at the next start.
        }
    }

    private async Task RunOneAsync(Guid id, JobRequest request, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(queue.TokenFor(id), stoppingToken);
        var state = new LiveState(id, request, time.GetUtcNow());
        if (linked.IsCancellationRequested)
        {
            await FinishAsync(state, JobStatus.Cancelled, "Cancelled before it started.", null, null);
            return;
        }
        await UpdateAsync(state, JobStatus.Running, "Started");
        var progress = new SynchronousProgress<JobProgress>(p =>
        {
            state.Fraction = Math.Clamp(p.Fraction, 0, 1);
            state.Message = p.Message ?? state.Message;
            notifier.PublishProgress(state.Snapshot(JobStatus.Running, null));
        });

        using var persistStop = new CancellationTokenSource();
        var persisting = PersistLoopAsync(state, persistStop.Token);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await request.Run(new JobContext(id, scope.ServiceProvider, linked.Token, progress));
            state.Fraction = 1;
            await StopAsync(persistStop, persisting);
            await FinishAsync(state, JobStatus.Succeeded, state.Message ?? "Done", null, result);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            await StopAsync(persistStop, persisting);
            var interrupted = stoppingToken.IsCancellationRequested;
            await FinishAsync(state, interrupted ? JobStatus.Interrupted : JobStatus.Cancelled,
                interrupted ? "Interrupted by shutdown." : "Cancelled.", null, null);
        }
#pragma warning disable CA1031 // A job's failure is recorded on the job, never allowed to stop the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await StopAsync(persistStop, persisting);
            LogJobFailed(logger, ex, request.Title);
            await FinishAsync(state, JobStatus.Failed, "Failed.", ex.Message, null);
        }
        finally
        {
            queue.Forget(id);
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task loop)
    {
        await stop.CancelAsync();
        await loop;
    }

    private async Task PersistLoopAsync(LiveState state, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PersistInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                await UpdateAsync(state, JobStatus.Running, state.Message, publish: false);
        }
        catch (OperationCanceledException)
        {
            // The job ended; its final state is written by the caller.
        }
    }

    private async Task UpdateAsync(LiveState state, JobStatus status, string? message, bool publish = true)
    {
        state.Message = message;
        await using var context = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        var job = await context.Jobs.FindAsync(state.Id);
        if (job is null) return;
        job.Status = status;
        job.Progress = state.Fraction;
        job.Message = message;
        job.StartedAt ??= state.StartedAt;
        await context.SaveChangesAsync(CancellationToken.None);
        if (publish) notifier.Publish(JobSnapshot.From(job));
    }

    private async Task FinishAsync(LiveState state, JobStatus status, string message, string? error, string? resultJson)
    {
        await using var context = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        var job = await context.Jobs.FindAsync(state.Id);
        if (job is null) return;
        job.Status = status;
        job.Progress = status == JobStatus.Succeeded ? 1 : state.Fraction;
        job.Message = message;
        job.Error = error;
        job.ResultJson = resultJson;
        job.FinishedAt = time.GetUtcNow();
        await context.SaveChangesAsync(CancellationToken.None);
        notifier.Publish(JobSnapshot.From(job));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Title} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, string title);

    private sealed class LiveState(Guid id, JobRequest request, DateTimeOffset startedAt)
    {
        public Guid Id { get; } = id;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public double Fraction { get; set; }
        public string? Message { get; set; }

        public JobSnapshot Snapshot(JobStatus status, string? error) =>
            new(Id, request.Kind, request.Title, status, Fraction, Message, error, StartedAt, StartedAt, null);
    }
}

/// <summary>Unlike <see cref="Progress{T}"/>, reports on the caller's thread, in order.</summary>
public sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
