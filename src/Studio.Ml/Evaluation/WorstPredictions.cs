using Studio.Ml.Training;

namespace Studio.Ml.Evaluation;

/// <summary>A row the model got most wrong: its source row number, target, prediction and per-row loss.</summary>
public sealed record RowError(int Row, double Target, double Prediction, double Loss);

public static class WorstPredictions
{
    private const double ProbabilityClip = 1e-15;

    /// <summary>
    /// The <paramref name="count"/> rows with the largest loss: log loss of the true class for classifiers
    /// (Prediction is then P(true class)), absolute error for regression. Rows without a target are skipped.
    /// </summary>
    public static IReadOnlyList<RowError> Top(Predictions predictions, int count)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Enumerable.Range(0, predictions.Rows.Count)
            .Where(p => !double.IsNaN(predictions.Targets[p]))
            .Select(p => Error(predictions, p))
            .OrderByDescending(e => e.Loss)
            .ThenBy(e => e.Row)
            .Take(count)
            .ToList();
    }

    private static RowError Error(Predictions predictions, int position)
    {
        var target = predictions.Targets[position];
        var row = predictions.Rows[position];
        switch (predictions.Task)
        {
            case PredictionTask.Binary:
                var probability = target > 0.5 ? predictions.Scores[position] : 1 - predictions.Scores[position];
                return new RowError(row, target, probability, -Math.Log(Math.Max(probability, ProbabilityClip)));
            case PredictionTask.MultiClass:
                var classProbability = predictions.ClassProbabilities![position][(int)target];
                return new RowError(row, target, classProbability, -Math.Log(Math.Max(classProbability, ProbabilityClip)));
            default:
                var value = predictions.Scores[position];
                return new RowError(row, target, value, Math.Abs(target - value));
        }
    }
}
