namespace Studio.Analysis.Experiments.Statistics;

/// <summary>
/// CUPED (Deng et al. 2013). theta = cov(Y, X) / var(X) is computed on all units of all arms POOLED together (one
/// theta for the whole experiment, so every arm is adjusted the same way). Each unit's metric becomes
/// Y' = Y - theta (X - mean X over all units); per arm this gives
/// mean Y' = mean Y - theta (mean X_arm - mean X_all) and var Y' = var Y - 2 theta cov(Y,X) + theta^2 var X (ddof = 1).
/// Lifts of the adjusted means use normal (z) intervals and a z-test with unpooled standard errors; the relative lift
/// uses the delta method on the adjusted means.
/// </summary>
public static class Cuped
{
    public static double Theta(CovariateMoments pooled) => pooled.VarianceX > 0 ? pooled.Covariance / pooled.VarianceX : 0;

    public static SampleMoments Adjust(CovariateMoments arm, double theta, double pooledMeanX)
    {
        var mean = arm.MeanY - theta * (arm.MeanX - pooledMeanX);
        var variance = arm.VarianceY - 2 * theta * arm.Covariance + theta * theta * arm.VarianceX;
        return new SampleMoments(arm.N, mean, Math.Max(0, variance));
    }

    public static CupedComparison Compare(CovariateMoments treatment, CovariateMoments control, double theta, double pooledMeanX, double alpha)
    {
        var adjT = Adjust(treatment, theta, pooledMeanX);
        var adjC = Adjust(control, theta, pooledMeanX);
        var rawVariance = treatment.VarianceY / treatment.N + control.VarianceY / control.N;
        var adjVariance = adjT.VarianceOfMean + adjC.VarianceOfMean;
        var se = Math.Sqrt(adjVariance);
        var diff = adjT.Mean - adjC.Mean;
        var z = se > 0 ? diff / se : double.NaN;
        var absolute = IntervalEstimate.Symmetric(diff, Distributions.NormalQuantile(1 - alpha / 2) * se);
        var relative = DeltaMethod.RelativeLift(adjT, adjC, alpha);
        return new CupedComparison(theta, adjT.Mean, adjC.Mean, absolute, relative,
            new TestResult(z, double.PositiveInfinity, Distributions.NormalTwoSidedP(z)),
            rawVariance > 0 ? 1 - adjVariance / rawVariance : double.NaN);
    }
}

/// <param name="VarianceReduction">1 - Var(adjusted lift) / Var(unadjusted lift), both with ddof = 1 sample variances
/// (0.3 means the CUPED interval is as tight as one from 1/(1-0.3) ≈ 1.43 times the units).</param>
public sealed record CupedComparison(
    double Theta,
    double AdjustedTreatmentMean,
    double AdjustedControlMean,
    IntervalEstimate AbsoluteLift,
    IntervalEstimate RelativeLift,
    TestResult Test,
    double VarianceReduction);
