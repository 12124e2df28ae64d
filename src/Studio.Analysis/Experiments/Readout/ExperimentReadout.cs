using System.Globalization;
using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>Everything an experiment page, report or HTTP response shows. Immutable.</summary>
/// <param name="Metrics">The metrics compared, in order; every output names them by <see cref="MetricSpec.Name"/>.</param>
/// <param name="TimelineNote">Why there is no timeline (no assignment-time column, per-arm totals only, …); null when there is one.</param>
public sealed record ExperimentReadout(
    ExperimentSpec Spec,
    IReadOnlyList<MetricSpec> Metrics,
    IReadOnlyList<ArmSummary> Arms,
    IReadOnlyList<MetricComparison> Comparisons,
    SrmResult Srm,
    IReadOnlyList<TimelinePoint> Timeline,
    SegmentBreakdown? Segments,
    WinsorizationResult? Winsorization,
    IReadOnlyList<ValidationIssue> DataQuality,
    long RowsAnalysed,
    long RowsExcluded,
    string? TimelineNote = null)
{
    public string ExperimentName => Spec.Name;

    public bool SrmFlagged => Srm.Flagged;

    /// <summary>How many tests the multiple-testing correction covers: every metric × treatment arm, primary and guardrail alike.</summary>
    public int CorrectionFamilySize => Comparisons.Count(c => !double.IsNaN(c.Test.PValue));

    /// <summary>The correction as one sentence for every output.</summary>
    public string CorrectionStatement
    {
        get
        {
            var treatments = Arms.Count(a => !a.IsControl);
            var method = Spec.Correction switch
            {
                MultipleTestingCorrection.Holm => "Holm (family-wise error rate)",
                MultipleTestingCorrection.BenjaminiHochberg => "Benjamini–Hochberg (false discovery rate)",
                _ => "no",
            };
            return string.Create(CultureInfo.InvariantCulture,
                $"{method} correction over one family of {CorrectionFamilySize} test(s): {Metrics.Count} metric(s) × {treatments} treatment arm(s), primary and guardrail metrics together; α = {Spec.Alpha}.");
        }
    }

    /// <summary>The SRM check as one sentence for every output.</summary>
    public string SrmStatement => FormattableString.Invariant(
        $"Sample ratio check: chi-square {Srm.ChiSquare:0.###} (df {Srm.DegreesOfFreedom}), p = {FormatP(Srm.PValue)}, threshold {Srm.Threshold}: ") +
        (Srm.Flagged ? "MISMATCH — the assignment is broken." : double.IsNaN(Srm.PValue) ? "not testable." : "no mismatch.");

    /// <summary>Why a "ship" decision must not be taken on this readout; empty when nothing blocks it.</summary>
    public IReadOnlyList<string> ShipBlockers { get; } = Blockers(Srm, DataQuality, Spec, Comparisons, Metrics);

    /// <summary>Decision guard: false when the sample ratio is mismatched, contaminated units were kept or a primary
    /// metric could not be tested. It says the data can support a decision, not that the treatment won.</summary>
    public bool CanShip => ShipBlockers.Count == 0;

    public MetricComparison? Comparison(string treatment, string metric) =>
        Comparisons.FirstOrDefault(c => c.Treatment == treatment && c.Metric == metric);

    private static string FormatP(double p) => double.IsNaN(p) ? "—" : p.ToString(p < 0.001 ? "0.###E+0" : "0.####", CultureInfo.InvariantCulture);

    private static List<string> Blockers(SrmResult srm, IReadOnlyList<ValidationIssue> issues, ExperimentSpec spec, IReadOnlyList<MetricComparison> comparisons, IReadOnlyList<MetricSpec> metrics)
    {
        var blockers = new List<string>();
        if (srm.Flagged)
        {
            blockers.Add(FormattableString.Invariant(
                $"Sample ratio mismatch: chi-square {srm.ChiSquare:0.###} (df {srm.DegreesOfFreedom}), p = {FormatP(srm.PValue)} < {srm.Threshold}. The assignment is broken; do not trust any result."));
        }

        if (!spec.ExcludeContaminatedUnits && issues.FirstOrDefault(i => i.Code == IssueCode.Contamination) is { } contamination)
        {
            blockers.Add(contamination.Message);
        }

        foreach (var metric in metrics.Where(m => m.Role == MetricRole.Primary))
        {
            if (comparisons.Where(c => c.Metric == metric.Name).Any(c => double.IsNaN(c.Test.PValue)))
            {
                blockers.Add($"Primary metric {metric.Name} could not be tested (it has the same value for every unit of the compared arms); there is no evidence to ship on.");
            }
        }

        return blockers;
    }
}
