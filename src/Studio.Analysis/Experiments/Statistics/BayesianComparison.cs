namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Probability to beat control and expected loss, by deterministic quadrature (no sampling).</summary>
public static class BayesianComparison
{
    /// <summary>
    /// Beta-Binomial with a Beta(1,1) prior: posterior Beta(1 + x, 1 + n - x) per arm.
    /// P(pT &gt; pC) = ∫ f_T(t) F_C(t) dt.
    /// Expected loss of shipping treatment = E[max(pC - pT, 0)] = ∫ f_T(t) E[(pC - t)+] dt, with the inner expectation
    /// in closed form: E[(pC - t)+] = mean_C (1 - I_t(aC + 1, bC)) - t (1 - I_t(aC, bC)).
    /// Expected loss of keeping control = E[max(pT - pC, 0)] = (mean_T - mean_C) + loss of shipping treatment.
    /// Integrals use adaptive Gauss–Kronrod (<see cref="Quadrature"/>) on pieces of ±40 posterior standard deviations around the treatment mean.
    /// </summary>
    public static BayesianResult BetaBinomial(long successesT, long nT, long successesC, long nC)
    {
        double aT = 1 + successesT, bT = 1 + nT - successesT, aC = 1 + successesC, bC = 1 + nC - successesC;
        var meanT = aT / (aT + bT);
        var meanC = aC / (aC + bC);
        var sdT = Math.Sqrt(aT * bT / ((aT + bT) * (aT + bT) * (aT + bT + 1)));
        var lower = Math.Max(0, meanT - 40 * sdT);
        var upper = Math.Min(1, meanT + 40 * sdT);

        var probability = Integrate(t => Distributions.BetaPdf(aT, bT, t) * Distributions.BetaCdf(aC, bC, t), lower, upper);
        var lossTreatment = Integrate(
            t => Distributions.BetaPdf(aT, bT, t)
                 * (meanC * (1 - Distributions.BetaCdf(aC + 1, bC, t)) - t * (1 - Distributions.BetaCdf(aC, bC, t))),
            lower,
            upper);
        lossTreatment = Math.Max(0, lossTreatment);
        return new BayesianResult(probability, lossTreatment, Math.Max(0, meanT - meanC + lossTreatment));
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

    private static double Integrate(Func<double, double> f, double lower, double upper)
    {
        const int pieces = 16;
        var width = (upper - lower) / pieces;
        var total = 0.0;
        for (var i = 0; i < pieces; i++)
        {
            var a = lower + i * width;
            var b = i == pieces - 1 ? upper : a + width;
            total += Quadrature.Integrate(f, a, b, 1e-13);
        }

        return total;
    }
}

/// <param name="ProbabilityToBeatControl">Posterior P(treatment &gt; control).</param>
/// <param name="ExpectedLossTreatment">Expected loss (in metric units) if treatment is shipped and it is worse.</param>
/// <param name="ExpectedLossControl">Expected loss if control is kept and treatment was better.</param>
public readonly record struct BayesianResult(double ProbabilityToBeatControl, double ExpectedLossTreatment, double ExpectedLossControl);
