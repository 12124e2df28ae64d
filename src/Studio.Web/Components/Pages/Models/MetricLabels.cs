using System.Globalization;
using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Training;

namespace Studio.Web.Components.Pages.Models;

/// <summary>Display names and formats of the metric keys the trainer writes.</summary>
public static class MetricLabels
{
    public static string Label(string metric) => metric switch
    {
        MetricNames.Auc => "AUC",
        MetricNames.LogLoss => "Log loss",
        MetricNames.Accuracy => "Accuracy",
        MetricNames.Precision => "Precision",
        MetricNames.Recall => "Recall",
        MetricNames.F1 => "F1",
        MetricNames.Top3Accuracy => "Top-3 accuracy",
        MetricNames.Rmse => "RMSE",
        MetricNames.Mae => "MAE",
        MetricNames.R2 => "R²",
        MetricNames.Rows => "Test rows",
        RankingMetrics.Mrr => "MRR",
        RankingMetrics.RankedTargets => "Ranked test targets",
        _ when metric.StartsWith("hr@", StringComparison.Ordinal) => "HR@" + metric[3..],
        _ when metric.StartsWith("ndcg@", StringComparison.Ordinal) => "NDCG@" + metric[5..],
        _ when metric.StartsWith(SequenceFamilies.PopularityPrefix, StringComparison.Ordinal) => "Popularity " + Label(metric[SequenceFamilies.PopularityPrefix.Length..]),
        _ => metric,
    };

    public static string Format(double value) =>
        double.IsNaN(value) ? "—" : value.ToString(Math.Abs(value) >= 100 ? "N0" : "N3", CultureInfo.CurrentCulture);

    /// <summary>The metric a task's curves and run lists show first.</summary>
    public static string Headline(PredictionTask task) => task switch
    {
        PredictionTask.Binary => MetricNames.Auc,
        PredictionTask.MultiClass => MetricNames.Accuracy,
        _ => MetricNames.Rmse,
    };

    public static string Headline(string task) =>
        Enum.TryParse<PredictionTask>(task, out var parsed) ? Headline(parsed) : MetricNames.Auc;
}
