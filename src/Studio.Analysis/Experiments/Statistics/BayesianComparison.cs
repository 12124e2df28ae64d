namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Probability to beat control and expected loss, by deterministic quadrature (no sampling).</summary>
public static class BayesianComparison
{
    /// <summary>
    /// Beta-Binomial with a Beta(1,1) prior: posterior Beta(1 + x, 1 + n - x) per arm.
    /// P(pT &gt; pC) = ∫ f_T(t) F_C(t) dt.
    /// Expected loss of shipping treatment = E[max(pC - pT, 0)] = ∫ f_T(t) E[(pC - t)+] dt, with
    /// E[(pC - t)+] = (mean_C - ∫_0^t c f_C(c) dc) - t (1 - F_C(t)).
    /// Expected loss of keeping control = E[max(pT - pC, 0)] = (mean_T - mean_C) + loss of shipping treatment.
    /// Both integrals are evaluated on Gauss–Legendre panels (see <c>BetaPosteriorComparison</c>).
    /// </summary>
    public static BayesianResult BetaBinomial(long successesT, long nT, long successesC, long nC)
    {
        double aT = 1 + successesT, bT = 1 + nT - successesT, aC = 1 + successesC, bC = 1 + nC - successesC;
        var (probability, lossTreatment) = BetaPosteriorComparison.Integrate(aT, bT, aC, bC);
        var meanDifference = aT / (aT + bT) - aC / (aC + bC);
        return new BayesianResult(probability, lossTreatment, Math.Max(0, meanDifference + lossTreatment));
    }

    /// <summary>
    /// Normal approximation for means (flat prior): the lift D ~ N(d, s^2), s^2 = sT^2/nT + sC^2/nC.
    /// P(D &gt; 0) = Phi(d/s); loss of shipping treatment E[max(-D,0)] = s phi(d/s) - d Phi(-d/s);
    /// loss of keeping control E[max(D,0)] = s phi(d/s) + d Phi(d/s).
    /// </summary>
    public static BayesianResult Normal(SampleMoments treatment, SampleMoments control)
    {
        var d = treatment.Mean - control.Mean;
        var s = Math.Sqrt(treatment.VarianceOfMean + control.VarianceOfMean);
        if (!(s > 0)) return new BayesianResult(d > 0 ? 1 : d < 0 ? 0 : 0.5, Math.Max(0, -d), Math.Max(0, d));
        var u = d / s;
        var density = Distributions.NormalPdf(u);
        return new BayesianResult(
            Distributions.NormalCdf(u),
            s * density - d * Distributions.NormalCdf(-u),
            s * density + d * Distributions.NormalCdf(u));
    }
}

/// <param name="ProbabilityToBeatControl">Posterior P(treatment &gt; control).</param>
/// <param name="ExpectedLossTreatment">Expected loss (in metric units) if treatment is shipped and it is worse.</param>
/// <param name="ExpectedLossControl">Expected loss if control is kept and treatment was better.</param>
public readonly record struct BayesianResult(double ProbabilityToBeatControl, double ExpectedLossTreatment, double ExpectedLossControl);
