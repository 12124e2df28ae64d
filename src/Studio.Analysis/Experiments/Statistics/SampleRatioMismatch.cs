namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Chi-square goodness-of-fit of observed arm sizes against the intended split (scipy.stats.chisquare).</summary>
public static class SampleRatioMismatch
{
    public static SrmResult Test(IReadOnlyList<long> observed, IReadOnlyList<double> intendedWeights, double threshold)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(intendedWeights);
        if (observed.Count != intendedWeights.Count) throw new ArgumentException("One intended weight per arm is required.", nameof(intendedWeights));
        var total = observed.Sum();
        var weightSum = intendedWeights.Sum();
        var chi2 = 0.0;
        var expected = new double[observed.Count];
        for (var i = 0; i < observed.Count; i++)
        {
            expected[i] = total * intendedWeights[i] / weightSum;
            var d = observed[i] - expected[i];
            chi2 += d * d / expected[i];
        }

        var df = observed.Count - 1;
        var p = df > 0 ? Distributions.ChiSquareSf(chi2, df) : double.NaN;
        return new SrmResult(chi2, df, p, threshold, p < threshold, expected);
    }
}

/// <param name="Flagged">True when <see cref="PValue"/> &lt; <see cref="Threshold"/>: the assignment is broken and no
/// result of the experiment should be trusted or shipped.</param>
public sealed record SrmResult(double ChiSquare, int DegreesOfFreedom, double PValue, double Threshold, bool Flagged, IReadOnlyList<double> ExpectedUnits);
