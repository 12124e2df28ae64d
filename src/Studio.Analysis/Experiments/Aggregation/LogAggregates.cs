namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>Per-arm totals, per-day per-arm totals and per-segment per-arm totals of one pass over a log.</summary>
internal sealed class LogAggregates
{
    public LogAggregates(int arms, int days)
    {
        Arms = new ArmAccumulator[arms];
        Days = new ArmAccumulator[days * arms];
        DayCount = days;
    }

    public ArmAccumulator[] Arms { get; }
    /// <summary>Day-major: index day * armCount + arm.</summary>
    public ArmAccumulator[] Days { get; }
    public int DayCount { get; }
    /// <summary>Per segment category code (see <see cref="Input.CategoricalColumn"/>), per arm; empty without a segment attribute.</summary>
    public ArmAccumulator[][] Segments { get; init; } = [];

    public void Merge(LogAggregates other)
    {
        for (var a = 0; a < Arms.Length; a++) Arms[a].Add(other.Arms[a]);
        for (var d = 0; d < Days.Length; d++) Days[d].Add(other.Days[d]);
        for (var s = 0; s < Segments.Length; s++)
        {
            for (var a = 0; a < Arms.Length; a++) Segments[s][a].Add(other.Segments[s][a]);
        }
    }
}
