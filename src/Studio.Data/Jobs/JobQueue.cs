using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;

namespace Studio.Data.Jobs;

/// <summary>A bounded queue of jobs; the <see cref="JobWorker"/> drains it. Every job can be cancelled.</summary>
public sealed class JobQueue(IDbContextFactory<StudioDbContext> contextFactory, JobNotifier notifier, TimeProvider time)
{
    public const int Capacity = 64;

    private readonly Channel<(Guid Id, JobRequest Request)> _channel =
        Channel.CreateBounded<(Guid, JobRequest)>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _cancellations = new();

    internal ChannelReader<(Guid Id, JobRequest Request)> Reader => _channel.Reader;

    public async Task<Guid> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new Job
        {
            Id = Guid.NewGuid(),
            Kind = request.Kind,
            Title = request.Title,
            WorkspaceId = request.WorkspaceId,
            SpecJson = request.SpecJson,
            Status = JobStatus.Queued,
            CreatedAt = time.GetUtcNow(),
            Message = "Waiting for a worker",
        };
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            context.Jobs.Add(job);
            await context.SaveChangesAsync(cancellationToken);
        }
        _cancellations[job.Id] = new CancellationTokenSource();
        notifier.Publish(JobSnapshot.From(job));
        await _channel.Writer.WriteAsync((job.Id, request), cancellationToken);
        return job.Id;
    }

    /// <summary>Asks a queued or running job to stop; returns false when it is unknown or already finished.</summary>
    public bool Cancel(Guid jobId)
    {
        if (!_cancellations.TryGetValue(jobId, out var source)) return false;
        source.Cancel();
        return true;
    }

    internal CancellationToken TokenFor(Guid jobId) =>
        _cancellations.TryGetValue(jobId, out var source) ? source.Token : CancellationToken.None;

    internal void Forget(Guid jobId)
    {
        if (_cancellations.TryRemove(jobId, out var source)) source.Dispose();
    }
}
