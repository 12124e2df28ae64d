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

    /// <param name="revenueCaps">Winsorization cap per arm, or null for none.</param>
    /// <param name="dayCount">Number of UTC days from <paramref name="originDay"/>; 0 skips the timeline.</param>
    public static LogAggregates Aggregate(
        ExperimentLog log, RowScan scan, double[]? revenueCaps, string? segmentAttribute, long originDay, int dayCount, int parallelism)
    {
        var n = log.RowCount;
        var chunks = Math.Max(1, Math.Min(parallelism, n / 100_000));
        var partials = new LogAggregates[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, c =>
        {
            var from = (int)((long)n * c / chunks);
            var to = (int)((long)n * (c + 1) / chunks);
            partials[c] = AggregateRange(log, scan, revenueCaps, segmentAttribute, originDay, dayCount, from, to);
        });
        for (var c = 1; c < chunks; c++) partials[0].Merge(partials[c]);
        return partials[0];
    }

    private static LogAggregates AggregateRange(
        ExperimentLog log, RowScan scan, double[]? caps, string? segmentAttribute, long originDay, int dayCount, int from, int to)
    {
        var armCount = scan.Arms.Count;
        var segmentColumn = segmentAttribute is null ? null : log.Segment(segmentAttribute);
        var result = new LogAggregates(armCount, dayCount)
        {
            Segments = segmentColumn is null ? [] : [.. segmentColumn.Categories.Select(_ => new ArmAccumulator[armCount])],
        };
        var arms = result.Arms;
        var days = result.Days;
        var segments = result.Segments;
        var rowArm = scan.RowArm;
        var excluded = scan.Excluded;
        var converted = log.Converted;
        var revenue = log.Revenue;
        var pre = log.PreCovariate;
        bool hasConversion = log.HasConversion, hasRevenue = log.HasRevenue, hasPre = log.HasPreCovariate;
        var times = log.AssignedAt;
        var codes = segmentColumn is null ? default : segmentColumn.Codes;
        var hasSegments = segmentColumn is not null;

        for (var i = from; i < to; i++)
        {
            var arm = rowArm[i];
            if (arm < 0 || (excluded is not null && excluded[i])) continue;
            var c = hasConversion ? converted[i] : 0;
            var r = hasRevenue ? revenue[i] : 0;
            if (caps is not null && r > caps[arm]) r = caps[arm];
            var x = hasPre ? pre[i] : 0;
            arms[arm].Add(c, r, x);
            if (dayCount > 0)
            {
                var day = (int)(times[i].UtcTicks / TimeSpan.TicksPerDay - originDay);
                days[day * armCount + arm].Add(c, r, x);
            }

            if (hasSegments) segments[codes[i]][arm].Add(c, r, x);
        }

        return result;
    }
}
