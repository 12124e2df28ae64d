using Studio.Analysis.Experiments.Statistics;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>One arm's size and its estimate of every metric, in the spec's metric order.</summary>
public sealed record ArmSummary(
    string Variant,
    bool IsControl,
    long Units,
    double IntendedShare,
    double ObservedShare,
    IReadOnlyList<ArmMetric> Metrics)
{
    public ArmMetric? Metric(string name) => Metrics.FirstOrDefault(m => m.Metric == name);
}

/// <summary>
/// One arm's estimate of one metric. <see cref="Estimate"/>: a proportion with its Wilson or normal interval, a mean
/// (after winsorization, if any) with a Student-t interval, a ratio with a delta-method normal interval.
/// <see cref="VarianceOfEstimate"/> and <see cref="Successes"/> describe the posterior drawn for the Bayesian view
/// (Beta(1 + successes, 1 + n - successes) for proportions, normal otherwise).
/// </summary>
public sealed record ArmMetric(
    string Metric,
    MetricKind Kind,
    IntervalEstimate Estimate,
    double StandardDeviation,
    double VarianceOfEstimate,
    long? Successes);

/// <summary>
/// One treatment arm against control on one metric.
/// Proportion: two-proportion z-test with pooled SE; absolute-lift CI with unpooled SE (normal).
/// Mean: Welch t-test; absolute-lift CI with the Welch–Satterthwaite t quantile.
/// Ratio: z-test and normal CI with delta-method variances per arm.
/// Relative lift: delta method, normal interval. <see cref="Metric"/> is the metric's name (its column). <see cref="AdjustedPValue"/> applies the spec's correction over all
/// comparisons of the readout (or of the segment, inside a segment breakdown); <see cref="Significant"/> uses it.
/// </summary>
public sealed record MetricComparison(
    string Metric,
    MetricKind Kind,
    MetricRole Role,
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
    string Metric,
    MetricKind Kind,
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

/// <param name="Caps">Cap per arm, in <see cref="ExperimentReadout.Arms"/> order (all equal when pooled), per capped metric.</param>
public sealed record WinsorizationResult(WinsorizationSpec Spec, IReadOnlyDictionary<string, IReadOnlyList<double>> Caps);
