using MathNet.Numerics.RootFinding;

namespace Studio.Analysis.Experiments.Statistics;

/// <summary>
/// Power and sample size for a two-sided test with equal arms, following statsmodels NormalIndPower (ratio = 1):
/// power(d, n) = Phi(-z + d sqrt(n/2)) + Phi(-z - d sqrt(n/2)), z = Phi^-1(1 - alpha/2), n = units per arm.
/// Proportions use Cohen's h = 2 asin(sqrt(p1)) - 2 asin(sqrt(p0)) as the effect size (statsmodels
/// proportion_effectsize); means use d = MDE / sigma. Solutions are found by Brent's method to 1e-12.
/// </summary>
public static class PowerAnalysis
{
    public static double Power(double effectSize, double unitsPerArm, double alpha)
    {
        var z = Distributions.NormalQuantile(1 - alpha / 2);
        var shift = Math.Abs(effectSize) * Math.Sqrt(unitsPerArm / 2);
        return Distributions.NormalCdf(shift - z) + Distributions.NormalCdf(-z - shift);
    }

    /// <summary>Smallest effect size detectable with the given power.</summary>
    public static double MinimumEffectSize(double unitsPerArm, double alpha, double power)
    {
        Validate(alpha, power);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(unitsPerArm, 1);
        return Brent.FindRoot(d => Power(d, unitsPerArm, alpha) - power, 1e-12, 1e3, 1e-13, 500);
    }

    /// <summary>Units per arm (fractional; round up to plan) giving the requested power.</summary>
    public static double UnitsPerArm(double effectSize, double alpha, double power)
    {
        Validate(alpha, power);
        if (effectSize == 0 || double.IsNaN(effectSize)) throw new ArgumentOutOfRangeException(nameof(effectSize), "The effect size must be non-zero.");
        var z = Distributions.NormalQuantile(1 - alpha / 2) + Distributions.NormalQuantile(power);
        var guess = 2 * z * z / (effectSize * effectSize);
        return Brent.FindRoot(n => Power(effectSize, n, alpha) - power, guess * 0.5, guess * 2 + 10, 1e-12 * Math.Max(1, guess), 500);
    }

    public static double CohensH(double treatmentRate, double baselineRate) =>
        2 * Math.Asin(Math.Sqrt(treatmentRate)) - 2 * Math.Asin(Math.Sqrt(baselineRate));

    /// <summary>Minimum detectable (upward) change of a conversion rate with <paramref name="unitsPerArm"/> per arm.</summary>
    public static ProportionMde ProportionMinimumDetectableEffect(double unitsPerArm, double baselineRate, double alpha = 0.05, double power = 0.8)
    {
        ValidateRate(baselineRate);
        var h = MinimumEffectSize(unitsPerArm, alpha, power);
        var angle = Math.Asin(Math.Sqrt(baselineRate)) + h / 2;
        var treatmentRate = angle >= Math.PI / 2 ? 1 : Math.Pow(Math.Sin(angle), 2);
        return new ProportionMde(baselineRate, treatmentRate, treatmentRate - baselineRate, treatmentRate / baselineRate - 1, h);
    }

    /// <summary>Units per arm to detect an absolute change <paramref name="absoluteMde"/> of a conversion rate.</summary>
    public static SampleSize ProportionSampleSize(double baselineRate, double absoluteMde, double alpha = 0.05, double power = 0.8)
    {
        ValidateRate(baselineRate);
        ValidateRate(baselineRate + absoluteMde);
        var n = UnitsPerArm(CohensH(baselineRate + absoluteMde, baselineRate), alpha, power);
        return new SampleSize(n, (long)Math.Ceiling(n - 1e-9));
    }

    public static double MeanMinimumDetectableEffect(double unitsPerArm, double standardDeviation, double alpha = 0.05, double power = 0.8) =>
        MinimumEffectSize(unitsPerArm, alpha, power) * standardDeviation;

    public static SampleSize MeanSampleSize(double standardDeviation, double mde, double alpha = 0.05, double power = 0.8)
    {
        var n = UnitsPerArm(mde / standardDeviation, alpha, power);
        return new SampleSize(n, (long)Math.Ceiling(n - 1e-9));
    }

    private static void Validate(double alpha, double power)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be in (0, 1).");
        if (!(power > alpha / 2 && power < 1)) throw new ArgumentOutOfRangeException(nameof(power), power, "Power must be in (alpha/2, 1).");
    }

    private static void ValidateRate(double rate)
    {
        if (!(rate > 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "A conversion rate must be in (0, 1).");
    }
}

public sealed record ProportionMde(double BaselineRate, double TreatmentRate, double AbsoluteMde, double RelativeMde, double EffectSizeH);

/// <param name="Exact">The solution of power(n) = target.</param>
/// <param name="UnitsPerArm">Exact rounded up.</param>
public sealed record SampleSize(double Exact, long UnitsPerArm);
