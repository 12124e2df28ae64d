using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>
/// The single aggregation pass. Rows are split into contiguous chunks aggregated in parallel and merged (sums are
/// associative; the floating-point order differs from a serial pass only in the last bits).
/// </summary>
internal static class LogAggregator
{
    public const string MissingSegment = "(missing)";

    /// <param name="caps">Winsorization cap per metric and arm; null entries for metrics used as is.</param>
    /// <param name="dayCount">Number of UTC days from <paramref name="originDay"/>; 0 skips the timeline.</param>
    public static LogAggregates Aggregate(
        ExperimentLog log, RowScan scan, IReadOnlyList<MetricColumns> metrics, double[]?[] caps, string? segmentAttribute, long originDay, int dayCount, int parallelism)
    {
        var n = log.RowCount;
        var chunks = Math.Max(1, Math.Min(parallelism, n / 100_000));
        var partials = new LogAggregates[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            var from = (int)((long)n * c / chunks);
            var to = (int)((long)n * (c + 1) / chunks);
            partials[c] = AggregateRange(log, scan, metrics, caps, segmentAttribute, originDay, dayCount, from, to);
        });
        for (var c = 1; c < chunks; c++) partials[0].Merge(partials[c]);
        return partials[0];
    }

    private static LogAggregates AggregateRange(
        ExperimentLog log, RowScan scan, IReadOnlyList<MetricColumns> metrics, double[]?[] caps, string? segmentAttribute, long originDay, int dayCount, int from, int to)
    {
        var armCount = scan.Arms.Count;
        var metricCount = metrics.Count;
        var segmentColumn = segmentAttribute is null ? null : log.Segment(segmentAttribute);
        var result = new LogAggregates(armCount, metricCount, dayCount)
        {
            Segments = segmentColumn is null ? [] : [.. segmentColumn.Categories.Select(_ => new MetricAccumulator[armCount * metricCount])],
        };
        var arms = result.Arms;
        var days = result.Days;
        var segments = result.Segments;
        var rowArm = scan.RowArm;
        var excluded = scan.Excluded;
        var values = metrics.Select(m => m.Values).ToArray();
        var denominators = metrics.Select(m => m.Denominator).ToArray();
        var pre = log.PreCovariate;
        var hasPre = log.HasPreCovariate;
        var times = log.AssignedAt;
        var codes = segmentColumn is null ? default : segmentColumn.Codes;
        var hasSegments = segmentColumn is not null;

        for (var i = from; i < to; i++)
        {
            var arm = rowArm[i];
            if (arm < 0 || (excluded is not null && excluded[i])) continue;
            var x = hasPre ? pre[i] : 0;
            var armBase = arm * metricCount;
            var dayBase = dayCount > 0 ? ((int)(times[i].UtcTicks / TimeSpan.TicksPerDay - originDay) * armCount + arm) * metricCount : -1;
            var segment = hasSegments ? segments[codes[i]] : null;
            for (var m = 0; m < metricCount; m++)
            {
                var y = values[m][i];
                if (caps[m] is { } cap && y > cap[arm]) y = cap[arm];
                var d = denominators[m] is { } den ? den[i] : 0;
                arms[armBase + m].Add(y, d, x);
                if (dayBase >= 0) days[dayBase + m].Add(y, d, x);
                segment?[armBase + m].Add(y, d, x);
            }
        }

        return result;
    }
}
