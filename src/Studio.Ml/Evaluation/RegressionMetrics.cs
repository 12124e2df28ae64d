namespace Studio.Ml.Evaluation;

public static class RegressionMetrics
{
    public static double Rmse(IReadOnlyList<double> actual, IReadOnlyList<double> predicted) =>
        Math.Sqrt(Mean(actual, predicted, d => d * d));

    public static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> predicted) =>
        Mean(actual, predicted, Math.Abs);

    /// <summary>1 − SS_res / SS_tot; NaN when the actual values are constant.</summary>
    public static double R2(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        BinaryMetrics.Guard(actual, predicted);
        var mean = actual.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        return total == 0 ? double.NaN : 1 - (residual / total);
    }

    private static double Mean(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, Func<double, double> of)
    {
        BinaryMetrics.Guard(actual, predicted);
        double total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            total += of(actual[i] - predicted[i]);
        }

        return actual.Count == 0 ? double.NaN : total / actual.Count;
    }
}
