using Studio.Analysis.Experiments.Aggregation;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Top values of a segment attribute by units; every other value is summed into "Other".</summary>
internal static class SegmentBuilder
{
    public static SegmentBreakdown Build(string attribute, IReadOnlyList<string?> categories, ArmAccumulator[][] segments, int top, ComparisonBuilder builder)
    {
        var ranked = segments
            .Select((arms, code) => (Value: categories[code] ?? LogAggregator.MissingSegment, Arms: arms, Units: arms.Sum(a => a.N)))
            .Where(s => s.Units > 0)
            .OrderByDescending(s => s.Units)
            .ThenBy(s => s.Value, StringComparer.Ordinal)
            .ToList();
        var shown = ranked.Take(top).ToList();
        var rest = ranked.Skip(top).ToList();
        if (rest.Count > 0)
        {
            var other = new ArmAccumulator[rest[0].Arms.Length];
            foreach (var segment in rest)
            {
                for (var a = 0; a < other.Length; a++) other[a].Add(segment.Arms[a]);
            }

            shown.Add((SegmentBreakdown.OtherValue, other, other.Sum(a => a.N)));
        }

        return new SegmentBreakdown(
            attribute,
            [.. shown.Select(s => new SegmentResult(s.Value, s.Units, builder.Arms(s.Arms), builder.Comparisons(s.Arms, null)))],
            rest.Count);
    }
}
