using Studio.Analysis.Experiments.Aggregation;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Top values of a segment attribute by units; every other value is summed into "Other".</summary>
internal static class SegmentBuilder
{
    public static SegmentBreakdown Build(string attribute, IReadOnlyList<string?> categories, MetricAccumulator[][] segments, int top, int metricCount, ComparisonBuilder builder)
    {
        var ranked = segments
            .Select((arms, code) => (Value: categories[code] ?? LogAggregator.MissingSegment, Arms: arms, Units: Units(arms, metricCount)))
            .Where(s => s.Units > 0)
            .OrderByDescending(s => s.Units)
            .ThenBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
        var shown = ranked.Take(top).ToList();
        var rest = ranked.Skip(top).ToList();
        if (rest.Count > 0)
        {
            var other = new MetricAccumulator[rest[0].Arms.Length];
            foreach (var segment in rest)
            {
                for (var a = 0; a < other.Length; a++) other[a].Add(segment.Arms[a]);
            }

            shown.Add((SegmentBreakdown.OtherValue, other, Units(other, metricCount)));
        }

        return new SegmentBreakdown(
            attribute,
            [.. shown.Select(s => new SegmentResult(s.Value, s.Units, builder.Arms(s.Arms), builder.Comparisons(s.Arms, null)))],
            rest.Count);
    }

    private static long Units(MetricAccumulator[] arms, int metricCount)
    {
        long units = 0;
        for (var i = 0; i < arms.Length; i += metricCount) units += arms[i].N;
        return units;
    }
}
