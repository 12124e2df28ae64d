namespace Studio.Ml.Evaluation;

public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

public sealed record PrecisionRecallPoint(double Threshold, double Recall, double Precision);

/// <summary>ROC and precision-recall curves, one point per distinct score (as scikit-learn without point dropping).</summary>
public static class Curves
{
    /// <summary>Points from the strictest threshold (+∞: nothing positive) to the loosest (everything positive).</summary>
    public static IReadOnlyList<RocPoint> Roc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var steps = Descending(labels, scores);
        var positives = steps.Count == 0 ? 0 : steps[^1].TruePositives;
        var negatives = steps.Count == 0 ? 0 : steps[^1].FalsePositives;
        var points = new List<RocPoint>(steps.Count + 1) { new(double.PositiveInfinity, 0, 0) };
        points.AddRange(steps.Select(s => new RocPoint(
            s.Threshold,
            negatives == 0 ? double.NaN : (double)s.FalsePositives / negatives,
            positives == 0 ? double.NaN : (double)s.TruePositives / positives)));
        return points;
    }

    /// <summary>Points from the strictest threshold to the loosest, one per distinct score (as scikit-learn ≥ 1.1).</summary>
    public static IReadOnlyList<PrecisionRecallPoint> PrecisionRecall(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        var steps = Descending(labels, scores);
        var positives = steps.Count == 0 ? 0 : steps[^1].TruePositives;
        var points = new List<PrecisionRecallPoint>();
        foreach (var step in steps)
        {
            var recall = positives == 0 ? double.NaN : (double)step.TruePositives / positives;
            points.Add(new PrecisionRecallPoint(step.Threshold, recall, (double)step.TruePositives / (step.TruePositives + step.FalsePositives)));
        }

        return points;
    }

    /// <summary>Average precision: Σ (R_n − R_{n−1}) P_n over the precision-recall points.</summary>
    public static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        double previousRecall = 0, total = 0;
        foreach (var point in PrecisionRecall(labels, scores))
        {
            total += (point.Recall - previousRecall) * point.Precision;
            previousRecall = point.Recall;
        }

        return total;
    }

    private static List<(double Threshold, long TruePositives, long FalsePositives)> Descending(IReadOnlyList<bool> labels, IReadOnlyList<double> scores)
    {
        BinaryMetrics.Guard(labels, scores);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var steps = new List<(double, long, long)>();
        long tp = 0, fp = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]]) tp++;
            else fp++;
            if (k == order.Length - 1 || scores[order[k + 1]] != scores[order[k]])
            {
                steps.Add((scores[order[k]], tp, fp));
            }
        }

        return steps;
    }
}
