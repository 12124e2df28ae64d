namespace Studio.Ml.Evaluation;

/// <summary>Metrics of a k-class classifier; <c>probabilities[row][class]</c>, labels are class indices.</summary>
public static class MultiClassMetrics
{
    private const double ProbabilityClip = 1e-15;

    public static int PredictedClass(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var best = 0;
        for (var c = 1; c < probabilities.Count; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                best = c;
            }
        }

        return best;
    }

    public static double Accuracy(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities) =>
        TopKAccuracy(labels, probabilities, 1);

    /// <summary>Share of rows whose true class is among the k most probable (a tie at the cut counts against the row).</summary>
    public static double TopKAccuracy(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities, int k)
    {
        Guard(labels, probabilities);
        var hits = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var row = probabilities[i];
            var truth = row[labels[i]];
            var better = 0;
            for (var c = 0; c < row.Count; c++)
            {
                if (row[c] > truth || (row[c] == truth && c < labels[i]))
                {
                    better++;
                }
            }

            hits += better < k ? 1 : 0;
        }

        return labels.Count == 0 ? double.NaN : (double)hits / labels.Count;
    }

    /// <summary>Mean negative log-likelihood of the true class; each row is renormalised after clipping (as scikit-learn).</summary>
    public static double LogLoss(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        Guard(labels, probabilities);
        double total = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var row = probabilities[i];
            var sum = row.Sum(p => Math.Clamp(p, ProbabilityClip, 1 - ProbabilityClip));
            total -= Math.Log(Math.Clamp(row[labels[i]], ProbabilityClip, 1 - ProbabilityClip) / sum);
        }

        return labels.Count == 0 ? double.NaN : total / labels.Count;
    }

    /// <summary>Counts[true class][predicted class].</summary>
    public static long[][] ConfusionMatrix(IReadOnlyList<int> labels, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predicted);
        var matrix = Enumerable.Range(0, classCount).Select(_ => new long[classCount]).ToArray();
        for (var i = 0; i < labels.Count; i++)
        {
            matrix[labels[i]][predicted[i]]++;
        }

        return matrix;
    }

    private static void Guard(IReadOnlyList<int> labels, IReadOnlyList<IReadOnlyList<double>> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException("Labels and probabilities must have the same length.", nameof(probabilities));
        }
    }
}
