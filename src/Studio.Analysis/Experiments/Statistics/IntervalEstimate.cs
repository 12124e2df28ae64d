namespace Studio.Analysis.Experiments.Statistics;

/// <summary>A point estimate with its two-sided confidence (or credible) interval.</summary>
public readonly record struct IntervalEstimate(double Value, double Low, double High)
{
    public bool Contains(double x) => x >= Low && x <= High;

    public static IntervalEstimate Symmetric(double value, double halfWidth) => new(value, value - halfWidth, value + halfWidth);

    public static IntervalEstimate Undefined => new(double.NaN, double.NaN, double.NaN);
}

/// <summary>A test statistic, its degrees of freedom (infinity for a z statistic) and two-sided p-value.</summary>
public readonly record struct TestResult(double Statistic, double DegreesOfFreedom, double PValue);
