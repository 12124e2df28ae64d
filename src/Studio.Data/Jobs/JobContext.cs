namespace Studio.Data.Jobs;

/// <summary>What a running job sees: its id, a token that fires on cancel or shutdown, and a progress sink.</summary>
public sealed class JobContext(Guid jobId, IServiceProvider services, CancellationToken cancellationToken, IProgress<JobProgress> progress)
{
    public Guid JobId { get; } = jobId;
    public IServiceProvider Services { get; } = services;
    public CancellationToken CancellationToken { get; } = cancellationToken;
    public IProgress<JobProgress> Progress { get; } = progress;

    public void Report(double fraction, string? message = null) => Progress.Report(new JobProgress(fraction, message));
}

/// <summary>A fraction from 0 to 1 and a short human message ("epoch 3/10, loss 0.412, ETA 0:42").</summary>
public sealed record JobProgress(double Fraction, string? Message);
