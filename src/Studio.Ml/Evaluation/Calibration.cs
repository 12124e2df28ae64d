namespace Studio.Ml.Evaluation;

public sealed record CalibrationBin(double Lower, double Upper, long Count, double MeanPredicted, double ObservedRate);

/// <summary>Reliability bins of equal width on [0, 1]; a probability on an inner edge belongs to the lower bin (as scikit-learn).</summary>
public static class Calibration
{
    /// <summary>The non-empty bins, lowest first.</summary>
    public static IReadOnlyList<CalibrationBin> Bins(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, int binCount = 10)
    {
        BinaryMetrics.Guard(labels, probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var edges = Enumerable.Range(0, binCount + 1).Select(i => (double)i / binCount).ToArray();
        var counts = new long[binCount];
        var predicted = new double[binCount];
        var observed = new double[binCount];
        for (var i = 0; i < labels.Count; i++)
        {
            var bin = 0;
            while (bin < binCount - 1 && probabilities[i] > edges[bin + 1])
            {
                bin++;
            }

            counts[bin]++;
            predicted[bin] += probabilities[i];
            observed[bin] += labels[i] ? 1 : 0;
        }

        return Enumerable.Range(0, binCount)
            .Where(b => counts[b] > 0)
            .Select(b => new CalibrationBin(edges[b], edges[b + 1], counts[b], predicted[b] / counts[b], observed[b] / counts[b]))
            .ToList();
    }
}
