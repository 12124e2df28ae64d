using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Studio.Analysis.Experiments.Statistics;

/// <summary>
/// The few distribution functions the engine needs, each written so that tail probabilities keep their accuracy
/// (upper tails through the complementary special function, never as 1 - CDF).
/// </summary>
public static class Distributions
{
    public static double NormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    public static double NormalSf(double x) => 0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2));

    public static double NormalPdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double NormalTwoSidedP(double z) => double.IsNaN(z) ? double.NaN : 2 * NormalSf(Math.Abs(z));

    /// <summary>P(|T| &gt;= |t|) for Student's t with (possibly fractional) df: I_{df/(df+t^2)}(df/2, 1/2).</summary>
    public static double StudentTTwoSidedP(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsPositiveInfinity(df)) return NormalTwoSidedP(t);
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
    }

    public static double StudentTCdf(double t, double df)
    {
        var tail = 0.5 * StudentTTwoSidedP(t, df);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>Quantile of Student's t. MathNet's inverse is only a starting point; Newton steps on the exact CDF
    /// bring it to machine precision (needed for 1e-6 agreement with scipy at fractional Welch df).</summary>
    public static double StudentTQuantile(double p, double df)
    {
        if (double.IsPositiveInfinity(df) || df > 1e7) return NormalQuantile(p);
        var x = StudentT.InvCDF(0, 1, df, p);
        if (double.IsNaN(x) || double.IsInfinity(x)) x = NormalQuantile(p);
        var dist = new StudentT(0, 1, df);
        for (var i = 0; i < 50; i++)
        {
            var step = (StudentTCdf(x, df) - p) / dist.Density(x);
            x -= step;
            if (Math.Abs(step) <= 1e-14 * Math.Max(1, Math.Abs(x))) break;
        }

        return x;
    }

    /// <summary>Upper tail of chi-square with k degrees of freedom.</summary>
    public static double ChiSquareSf(double x, double k) => SpecialFunctions.GammaUpperRegularized(k / 2, x / 2);
}
