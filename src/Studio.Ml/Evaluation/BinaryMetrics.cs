namespace Studio.Ml.Evaluation;

/// <summary>Ranking and probability metrics of a binary classifier; labels are 0/1 (true = positive).</summary>
public static class BinaryMetrics
{
    private const double ProbabilityClip = 1e-15;

    /// <summary>Area under the ROC curve from average ranks (tied scores share their mean rank). NaN when one class is absent.</summary>
    public static double Auc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        Guard(labels, scores);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Mean negative log-likelihood; probabilities are clipped to [1e-15, 1 - 1e-15].</summary>
    public static double LogLoss(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        Guard(labels, probabilities);
        double total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], ProbabilityClip, 1 - ProbabilityClip);
            total -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return labels.Count == 0 ? double.NaN : total / labels.Count;
    }

    /// <summary>Counts and rates when a score at or above <paramref name="threshold"/> predicts positive.</summary>
    public static ThresholdMetrics AtThreshold(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        Guard(labels, scores);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }

        return new ThresholdMetrics(threshold, tp, fp, tn, fn);
    }

    internal static void Guard<T>(IReadOnlyList<T> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Count != scores.Count)
        {
            throw new ArgumentException("Labels and scores must have the same length.", nameof(scores));
        }
    }
}

/// <summary>The confusion counts at one threshold and the rates derived from them (0 where undefined, as scikit-learn).</summary>
public sealed record ThresholdMetrics(double Threshold, long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    public double Accuracy => Ratio(TruePositives + TrueNegatives, Total);

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Ratio(2 * TruePositives, (2 * TruePositives) + FalsePositives + FalseNegatives);

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
