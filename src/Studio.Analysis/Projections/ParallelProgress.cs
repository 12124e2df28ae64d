namespace Studio.Analysis.Projections;

/// <summary>
/// Counts finished work items from parallel workers and reports the fraction to a progress sink one report at a
/// time and never backwards, so listeners (UI notifiers, tests) see an ordered, increasing sequence.
/// </summary>
internal sealed class ParallelProgress(IProgress<double>? progress, int total, int every = 1)
{
    private readonly Lock _gate = new();
    private int _done;
    private double _reported = -1;

    public void Finished()
    {
        var done = Interlocked.Increment(ref _done);
        if (progress is null || (done % every != 0 && done != total)) return;
        lock (_gate)
        {
            var fraction = (double)Volatile.Read(ref _done) / total;
            if (fraction <= _reported) return;
            _reported = fraction;
            progress.Report(fraction);
        }
    }
}
