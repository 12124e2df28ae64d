namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>
/// Per-arm, per-day per-arm and per-segment per-arm totals of every metric, from one pass over a log (or from summary
/// input). Metric-minor layout: arm a, metric m is at index a * MetricCount + m.
/// </summary>
internal sealed class LogAggregates
{
    public LogAggregates(int arms, int metrics, int days)
    {
        ArmCount = arms;
        MetricCount = metrics;
        Arms = new MetricAccumulator[arms * metrics];
        Days = new MetricAccumulator[days * arms * metrics];
        DayCount = days;
    }

    public int ArmCount { get; }
    public int MetricCount { get; }
    public MetricAccumulator[] Arms { get; }
    /// <summary>Day-major: index (day * ArmCount + arm) * MetricCount + metric.</summary>
    public MetricAccumulator[] Days { get; }
    public int DayCount { get; }
    /// <summary>Per segment category code (see <see cref="Input.CategoricalColumn"/>), arm-and-metric blocks like <see cref="Arms"/>.</summary>
    public MetricAccumulator[][] Segments { get; init; } = [];

    /// <summary>Units per arm (every metric of an arm counts the same rows).</summary>
    public long Units(int arm) => MetricCount == 0 ? 0 : Arms[arm * MetricCount].N;

    public void Merge(LogAggregates other)
    {
        for (var i = 0; i < Arms.Length; i++) Arms[i].Add(other.Arms[i]);
        for (var i = 0; i < Days.Length; i++) Days[i].Add(other.Days[i]);
        for (var s = 0; s < Segments.Length; s++)
        {
            for (var i = 0; i < Segments[s].Length; i++) Segments[s][i].Add(other.Segments[s][i]);
        }
    }
}
