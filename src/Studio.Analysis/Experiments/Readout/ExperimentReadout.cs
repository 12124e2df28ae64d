using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Everything an experiment page, report or HTTP response shows. Immutable.</summary>
public sealed record ExperimentReadout(
    ExperimentSpec Spec,
    IReadOnlyList<ArmSummary> Arms,
    IReadOnlyList<MetricComparison> Comparisons,
    SrmResult Srm,
    IReadOnlyList<TimelinePoint> Timeline,
    SegmentBreakdown? Segments,
    WinsorizationResult? Winsorization,
    IReadOnlyList<ValidationIssue> DataQuality,
    long RowsAnalysed,
    long RowsExcluded)
{
    public string ExperimentName => Spec.Name;

    public bool SrmFlagged => Srm.Flagged;

    /// <summary>Why a "ship" decision must not be taken on this readout; empty when nothing blocks it.</summary>
    public IReadOnlyList<string> ShipBlockers { get; } = Blockers(Srm, DataQuality, Spec);

    /// <summary>Decision guard: false when the sample ratio is mismatched or contaminated units were kept. It says the
    /// data can support a decision, not that the treatment won.</summary>
    public bool CanShip => ShipBlockers.Count == 0;

    public MetricComparison? Comparison(string treatment, ExperimentMetric metric) =>
        Comparisons.FirstOrDefault(c => c.Treatment == treatment && c.Metric == metric);

    private static List<string> Blockers(SrmResult srm, IReadOnlyList<ValidationIssue> issues, ExperimentSpec spec)
    {
        var blockers = new List<string>();
        if (srm.Flagged)
        {
            blockers.Add(FormattableString.Invariant(
                $"Sample ratio mismatch: chi-square {srm.ChiSquare:0.###} (df {srm.DegreesOfFreedom}), p = {srm.PValue:0.###E+0} < {srm.Threshold}. The assignment is broken; do not trust any result."));
        }

        if (!spec.ExcludeContaminatedUnits && issues.FirstOrDefault(i => i.Code == IssueCode.Contamination) is { } contamination)
        {
            blockers.Add(contamination.Message);
        }

        return blockers;
    }
}
