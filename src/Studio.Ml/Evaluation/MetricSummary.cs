using Studio.Ml.Training;

namespace Studio.Ml.Evaluation;

/// <summary>The standard metrics of a task as a name → value map (names from <see cref="MetricNames"/>).</summary>
public static class MetricSummary
{
    public static IReadOnlyDictionary<string, double> Compute(Predictions predictions, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [MetricNames.Rows] = predictions.Targets.Length };
        switch (predictions.Task)
        {
            case PredictionTask.Binary:
                var labels = predictions.BinaryLabels;
                var at = BinaryMetrics.AtThreshold(labels, predictions.Scores, threshold);
                metrics[MetricNames.Auc] = BinaryMetrics.Auc(labels, predictions.Scores);
                metrics[MetricNames.LogLoss] = BinaryMetrics.LogLoss(labels, predictions.Scores);
                metrics[MetricNames.Accuracy] = at.Accuracy;
                metrics[MetricNames.Precision] = at.Precision;
                metrics[MetricNames.Recall] = at.Recall;
                metrics[MetricNames.F1] = at.F1;
                break;
            case PredictionTask.MultiClass:
                var classes = predictions.ClassLabels;
                var probabilities = predictions.ClassProbabilities!;
                metrics[MetricNames.LogLoss] = MultiClassMetrics.LogLoss(classes, probabilities);
                metrics[MetricNames.Accuracy] = MultiClassMetrics.Accuracy(classes, probabilities);
                metrics[MetricNames.Top3Accuracy] = MultiClassMetrics.TopKAccuracy(classes, probabilities, 3);
                break;
            case PredictionTask.Regression:
                metrics[MetricNames.Rmse] = RegressionMetrics.Rmse(predictions.Targets, predictions.Scores);
                metrics[MetricNames.Mae] = RegressionMetrics.Mae(predictions.Targets, predictions.Scores);
                metrics[MetricNames.R2] = RegressionMetrics.R2(predictions.Targets, predictions.Scores);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(predictions), predictions.Task, null);
        }

        return metrics;
    }
}
