namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Intervals and Welch's t-test for continuous metrics such as revenue.</summary>
public static class MeanStatistics
{
    /// <summary>Student-t interval of one arm's mean: mean ± t(1-alpha/2, n-1) * s/sqrt(n) (scipy.stats.t.interval).</summary>
    public static IntervalEstimate MeanInterval(SampleMoments m, double alpha)
    {
        if (m.N < 2) return new IntervalEstimate(m.Mean, double.NaN, double.NaN);
        var t = Distributions.StudentTQuantile(1 - alpha / 2, m.N - 1);
        return IntervalEstimate.Symmetric(m.Mean, t * Math.Sqrt(m.VarianceOfMean));
    }

    /// <summary>
    /// Welch's unequal-variance t-test of treatment minus control (scipy.stats.ttest_ind(equal_var=False)).
    /// se^2 = sT^2/nT + sC^2/nC; Welch–Satterthwaite df = se^4 / ((sT^2/nT)^2/(nT-1) + (sC^2/nC)^2/(nC-1)).
    /// </summary>
    public static WelchResult WelchTest(SampleMoments treatment, SampleMoments control, double alpha)
    {
        var vT = treatment.VarianceOfMean;
        var vC = control.VarianceOfMean;
        var se2 = vT + vC;
        var df = se2 * se2 / (vT * vT / (treatment.N - 1) + vC * vC / (control.N - 1));
        var diff = treatment.Mean - control.Mean;
        var se = Math.Sqrt(se2);
        var t = se > 0 ? diff / se : double.NaN;
        var p = Distributions.StudentTTwoSidedP(t, df);
        var q = se > 0 ? Distributions.StudentTQuantile(1 - alpha / 2, df) : double.NaN;
        return new WelchResult(new TestResult(t, df, p), IntervalEstimate.Symmetric(diff, q * se));
    }
}

public readonly record struct WelchResult(TestResult Test, IntervalEstimate Difference);
