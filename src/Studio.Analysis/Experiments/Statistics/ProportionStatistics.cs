namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Conversion-rate intervals and the two-proportion z-test.</summary>
public static class ProportionStatistics
{
    /// <summary>Wilson score interval (statsmodels proportion_confint(method="wilson")).</summary>
    public static IntervalEstimate WilsonInterval(long successes, long n, double alpha)
    {
        if (n == 0) return IntervalEstimate.Undefined;
        var z = Distributions.NormalQuantile(1 - alpha / 2);
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2.0 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new IntervalEstimate(p, center - half, center + half);
    }

    /// <summary>Normal-approximation (Wald) interval, clipped to [0, 1] like statsmodels proportion_confint(method="normal").</summary>
    public static IntervalEstimate NormalInterval(long successes, long n, double alpha)
    {
        if (n == 0) return IntervalEstimate.Undefined;
        var z = Distributions.NormalQuantile(1 - alpha / 2);
        var p = (double)successes / n;
        var half = z * Math.Sqrt(p * (1 - p) / n);
        return new IntervalEstimate(p, Math.Max(0, p - half), Math.Min(1, p + half));
    }

    public static IntervalEstimate Interval(long successes, long n, double alpha, ProportionIntervalMethod method) =>
        method == ProportionIntervalMethod.Wilson ? WilsonInterval(successes, n, alpha) : NormalInterval(successes, n, alpha);

    /// <summary>
    /// Two-proportion z-test of treatment vs control. The TEST uses the POOLED standard error
    /// sqrt(p(1-p)(1/nT + 1/nC)) with p = (xT + xC)/(nT + nC), which is the standard error under H0: pT = pC
    /// (statsmodels proportions_ztest). Two-sided.
    /// </summary>
    public static TestResult TwoProportionZTest(long successesT, long nT, long successesC, long nC)
    {
        var pT = (double)successesT / nT;
        var pC = (double)successesC / nC;
        var pooled = (double)(successesT + successesC) / (nT + nC);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / nT + 1.0 / nC));
        var z = se > 0 ? (pT - pC) / se : double.NaN;
        return new TestResult(z, double.PositiveInfinity, Distributions.NormalTwoSidedP(z));
    }

    /// <summary>
    /// CI of the absolute difference pT - pC. The INTERVAL uses the UNPOOLED standard error
    /// sqrt(pT(1-pT)/nT + pC(1-pC)/nC) because it must hold away from H0 as well
    /// (statsmodels confint_proportions_2indep(compare="diff", method="wald")).
    /// </summary>
    public static IntervalEstimate DifferenceInterval(long successesT, long nT, long successesC, long nC, double alpha)
    {
        var pT = (double)successesT / nT;
        var pC = (double)successesC / nC;
        var se = Math.Sqrt(pT * (1 - pT) / nT + pC * (1 - pC) / nC);
        return IntervalEstimate.Symmetric(pT - pC, Distributions.NormalQuantile(1 - alpha / 2) * se);
    }

    /// <summary>Moments of a 0/1 metric. The variance of the mean is p(1-p)/n (the binomial MLE), matching the
    /// unpooled difference interval; <see cref="SampleMoments.Variance"/> is set so that Variance/N equals it.</summary>
    public static SampleMoments BinomialMoments(long successes, long n)
    {
        if (n == 0) return new SampleMoments(0, double.NaN, double.NaN);
        var p = (double)successes / n;
        return new SampleMoments(n, p, p * (1 - p));
    }
}
