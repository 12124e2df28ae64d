namespace Studio.Analysis.Experiments.Statistics;

/// <summary>
/// Always-valid confidence intervals from the normal-mixture boundary of Howard, Ramdas, McAuliffe and Sekhon
/// (2021, "Time-uniform, nonparametric, nonasymptotic confidence sequences"), as used by GrowthBook's sequential
/// testing. For an estimate whose variance is s^2 / n after n total units (both arms), the two-sided 1 - alpha
/// confidence sequence is
///   estimate ± sqrt(s^2) * sqrt( 2 (n rho^2 + 1) / (n^2 rho^2) * ln( sqrt(n rho^2 + 1) / alpha ) ),
/// with the mixture variance chosen so the interval is tightest at the tuning sample size N*:
///   rho^2 = ( -2 ln alpha + ln(-2 ln alpha + 1) ) / N*.
/// The interval may be monitored after every day without inflating the error rate; it is always wider than the
/// fixed-horizon interval.
/// </summary>
public static class SequentialIntervals
{
    public static double Rho(double alpha, double tuningSampleSize)
    {
        var l = -2 * Math.Log(alpha);
        return Math.Sqrt((l + Math.Log(l + 1)) / tuningSampleSize);
    }

    /// <param name="varianceOfEstimate">Var of the estimate at this point (e.g. sT^2/nT + sC^2/nC).</param>
    /// <param name="totalUnits">n = nT + nC.</param>
    public static double HalfWidth(double varianceOfEstimate, long totalUnits, double alpha, double tuningSampleSize)
    {
        var rho = Rho(alpha, tuningSampleSize);
        double n = totalUnits;
        var s2 = varianceOfEstimate * n;
        var nr2 = n * rho * rho;
        return Math.Sqrt(s2) * Math.Sqrt(2 * (nr2 + 1) / (n * n * rho * rho) * Math.Log(Math.Sqrt(nr2 + 1) / alpha));
    }

    public static IntervalEstimate Interval(double estimate, double varianceOfEstimate, long totalUnits, double alpha, double tuningSampleSize) =>
        IntervalEstimate.Symmetric(estimate, HalfWidth(varianceOfEstimate, totalUnits, alpha, tuningSampleSize));
}
