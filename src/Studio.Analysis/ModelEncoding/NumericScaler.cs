namespace Studio.Analysis.ModelEncoding;

/// <summary>A fitted numeric column: standardized with the training mean and deviation, missing at 0.</summary>
public sealed record NumericScaler(string Column, double Mean, double StandardDeviation, bool MissingIndicator)
{
    public float Scale(double value) => (float)((value - Mean) / StandardDeviation);

    /// <summary>The standardized value in double precision; missing and non-finite values become 0 (the mean).</summary>
    public double Standardize(double? value) => value is { } v && double.IsFinite(v) ? (v - Mean) / StandardDeviation : 0;

    public static NumericScaler Fit(string column, IEnumerable<double?> trainingValues, bool indicatorWanted)
    {
        ArgumentNullException.ThrowIfNull(trainingValues);
        double sum = 0, sumSquares = 0;
        int count = 0, missing = 0;
        foreach (var value in trainingValues)
        {
            if (value is { } v && double.IsFinite(v))
            {
                sum += v;
                sumSquares += v * v;
                count++;
            }
            else
            {
                missing++;
            }
        }

        var mean = count == 0 ? 0 : sum / count;
        var variance = count == 0 ? 0 : Math.Max(0, (sumSquares / count) - (mean * mean));
        var deviation = variance > 1e-24 ? Math.Sqrt(variance) : 1;
        return new NumericScaler(column, mean, deviation, indicatorWanted && missing > 0);
    }
}
