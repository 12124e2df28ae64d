namespace Studio.Analysis.Experiments;

/// <summary>
/// What to compute for one experiment. Immutable; the readout carries the spec that produced it.
/// </summary>
/// <param name="Name">Experiment name used in every message.</param>
/// <param name="ControlVariant">The variant every other arm is compared against.</param>
/// <param name="IntendedSplit">Intended traffic weights per variant (any positive scale); null means an equal split
/// over the variants found in the log. Variants listed here but absent from the log are reported as zero-unit arms.</param>
public sealed record ExperimentSpec(string Name, string ControlVariant, IReadOnlyDictionary<string, double>? IntendedSplit = null)
{
    /// <summary>Two-sided significance level of every test and interval (intervals are 1 - Alpha).</summary>
    public double Alpha { get; init; } = 0.05;

    public ProportionIntervalMethod ConversionInterval { get; init; } = ProportionIntervalMethod.Wilson;

    public MissingOutcomePolicy MissingOutcomes { get; init; } = MissingOutcomePolicy.Refuse;

    /// <summary>When true, units seen in more than one arm are dropped (all their rows); otherwise they are kept and flagged.</summary>
    public bool ExcludeContaminatedUnits { get; init; }

    /// <summary>Sample-ratio mismatch is flagged when the chi-square p-value is below this.</summary>
    public double SrmThreshold { get; init; } = 0.001;

    /// <summary>Capping of every mean metric (revenue-like columns); null means values are used as is.</summary>
    public WinsorizationSpec? Winsorization { get; init; }

    /// <summary>The metrics to compare, each named by its log column; null means the log's default outcome columns
    /// (a <c>converted</c> column as a proportion and a <c>revenue</c> column as a mean, both primary).</summary>
    public IReadOnlyList<MetricSpec>? Metrics { get; init; }

    public MultipleTestingCorrection Correction { get; init; } = MultipleTestingCorrection.Holm;

    /// <summary>Tuning parameter N* of the always-valid intervals: the total sample size at which they are tightest.</summary>
    public double SequentialTuning { get; init; } = 5000;

    /// <summary>Segment attribute to break results down by; null for none.</summary>
    public string? SegmentAttribute { get; init; }

    /// <summary>How many segment values (by units) are shown; the rest are grouped as "Other".</summary>
    public int TopSegmentValues { get; init; } = 20;
}

public enum ProportionIntervalMethod
{
    /// <summary>Wilson score interval (statsmodels proportion_confint method="wilson").</summary>
    Wilson,
    /// <summary>Normal-approximation (Wald) interval (statsmodels method="normal").</summary>
    Normal,
}

public enum MissingOutcomePolicy
{
    /// <summary>Any missing outcome or covariate value stops the analysis with a message.</summary>
    Refuse,
    /// <summary>Rows with a missing value in any present outcome/covariate column are excluded and counted in the readout.</summary>
    ExcludeRows,
}

public enum MultipleTestingCorrection
{
    None,
    /// <summary>Holm step-down (family-wise error rate).</summary>
    Holm,
    /// <summary>Benjamini–Hochberg step-up (false discovery rate).</summary>
    BenjaminiHochberg,
}

public enum WinsorizationScope
{
    /// <summary>One cap computed over all arms together, so every arm is capped at the same value (the default: capping
    /// then cannot create a difference between arms by itself).</summary>
    Pooled,
    /// <summary>Each arm capped at its own percentile.</summary>
    PerArm,
}

/// <summary>Caps mean metrics above the given percentile (0–100, numpy's default linear interpolation). Only the upper tail
/// is capped: revenue is non-negative and the long right tail is what inflates the variance.</summary>
public sealed record WinsorizationSpec(double Percentile, WinsorizationScope Scope = WinsorizationScope.Pooled);

/// <summary>How a metric is summarised per arm and compared.</summary>
public enum MetricKind
{
    /// <summary>A 0/1 column: share of units with 1 (two-proportion z-test, Beta-Binomial posterior).</summary>
    Proportion,
    /// <summary>A numeric column: mean per unit (Welch t-test, normal posterior).</summary>
    Mean,
    /// <summary>Sum of one column over the sum of another (e.g. revenue per visit), variance by the delta method.</summary>
    Ratio,
}

public enum MetricRole
{
    /// <summary>A metric the decision is about.</summary>
    Primary,
    /// <summary>A metric that must not get worse; tested in the same correction family.</summary>
    Guardrail,
}

/// <summary>One metric of an experiment, named by the log column(s) it reads.</summary>
/// <param name="Column">The value column (the numerator of a ratio).</param>
/// <param name="Denominator">The denominator column of a ratio metric; null otherwise.</param>
public sealed record MetricSpec(string Column, MetricKind Kind, MetricRole Role = MetricRole.Primary, string? Denominator = null)
{
    /// <summary>How every output names the metric: its column, or "numerator / denominator" for a ratio.</summary>
    public string Name => Kind == MetricKind.Ratio ? $"{Column} / {Denominator}" : Column;
}
