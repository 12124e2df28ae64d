using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>One arm's size and metrics. Metric members are null when the log has no such column.</summary>
/// <param name="ConversionRate">Rate with its Wilson or normal interval (per <see cref="ExperimentSpec.ConversionInterval"/>).</param>
/// <param name="MeanRevenue">Mean revenue (after winsorization, if any) with a Student-t interval.</param>
public sealed record ArmSummary(
    string Variant,
    bool IsControl,
    long Units,
    double IntendedShare,
    double ObservedShare,
    long? Conversions,
    IntervalEstimate? ConversionRate,
    IntervalEstimate? MeanRevenue,
    double? RevenueStandardDeviation);

/// <summary>
/// One treatment arm against control on one metric.
/// Conversion: two-proportion z-test with pooled SE; absolute-lift CI with unpooled SE (normal).
/// Revenue: Welch t-test; absolute-lift CI with the Welch–Satterthwaite t quantile.
/// Relative lift: delta method, normal interval. <see cref="AdjustedPValue"/> applies the spec's correction over all
/// comparisons of the readout (or of the segment, inside a segment breakdown); <see cref="Significant"/> uses it.
/// </summary>
public sealed record MetricComparison(
    ExperimentMetric Metric,
    string Treatment,
    string Control,
    double TreatmentValue,
    double ControlValue,
    IntervalEstimate AbsoluteLift,
    IntervalEstimate RelativeLift,
    TestResult Test,
    double AdjustedPValue,
    bool Significant,
    BayesianResult Bayesian,
    CupedComparison? Cuped);

/// <summary>
/// Cumulative result at the end of one UTC day. <see cref="Lift"/> is the fixed-horizon normal interval of the absolute
/// lift (valid only if this day was planned as the only look); <see cref="AlwaysValidLift"/> is the confidence sequence
/// that stays valid however often it is looked at.
/// </summary>
public sealed record TimelinePoint(
    DateOnly Day,
    string Treatment,
    ExperimentMetric Metric,
    long TreatmentUnits,
    long ControlUnits,
    double TreatmentValue,
    double ControlValue,
    IntervalEstimate Lift,
    IntervalEstimate AlwaysValidLift);

public sealed record SegmentResult(string Value, long Units, IReadOnlyList<ArmSummary> Arms, IReadOnlyList<MetricComparison> Comparisons);

/// <param name="Values">The top values by units, then "Other" (if any value was grouped).</param>
/// <param name="GroupedValueCount">How many distinct values were folded into "Other".</param>
public sealed record SegmentBreakdown(string Attribute, IReadOnlyList<SegmentResult> Values, int GroupedValueCount)
{
    public const string OtherValue = "Other";
}

/// <param name="Caps">Revenue cap per arm, in <see cref="ExperimentReadout.Arms"/> order (all equal when pooled).</param>
public sealed record WinsorizationResult(WinsorizationSpec Spec, IReadOnlyList<double> Caps);
