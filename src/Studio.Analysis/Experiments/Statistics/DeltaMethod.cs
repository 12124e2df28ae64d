namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Relative lift mT/mC - 1 with a delta-method interval.</summary>
public static class DeltaMethod
{
    /// <summary>
    /// Var(mT/mC) ≈ Var(mT)/mC^2 + mT^2 Var(mC)/mC^4 (independent arms, first-order Taylor expansion);
    /// the interval is (mT/mC - 1) ± z(1-alpha/2) * sqrt(that). Undefined when the control mean is 0.
    /// </summary>
    public static IntervalEstimate RelativeLift(double meanT, double varianceOfMeanT, double meanC, double varianceOfMeanC, double alpha)
    {
        if (meanC == 0 || double.IsNaN(meanC)) return IntervalEstimate.Undefined;
        var ratio = meanT / meanC;
        var variance = varianceOfMeanT / (meanC * meanC) + meanT * meanT * varianceOfMeanC / Math.Pow(meanC, 4);
        return IntervalEstimate.Symmetric(ratio - 1, Distributions.NormalQuantile(1 - alpha / 2) * Math.Sqrt(variance));
    }

    public static IntervalEstimate RelativeLift(SampleMoments treatment, SampleMoments control, double alpha) =>
        RelativeLift(treatment.Mean, treatment.VarianceOfMean, control.Mean, control.VarianceOfMean, alpha);
}
