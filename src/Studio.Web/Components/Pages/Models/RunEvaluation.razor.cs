using Microsoft.AspNetCore.Components;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class RunEvaluation
{
    [Parameter, EditorRequired] public required TrainingRun Run { get; set; }
    [Parameter, EditorRequired] public required Predictions Predictions { get; set; }

    private double _threshold = 0.5;
    private IReadOnlyDictionary<string, double> _summary = new Dictionary<string, double>();
    private ThresholdMetrics? _at;
    private ChartSpec? _roc;
    private ChartSpec? _pr;
    private ChartSpec? _calibration;
    private ChartSpec? _lift;
    private ChartSpec? _scatter;
    private Predictions? _drawn;

    private IEnumerable<(string Name, double Value)> BinaryCards =>
    [
        ("AUC", _summary.GetValueOrDefault(MetricNames.Auc, double.NaN)),
        ("Log loss", _summary.GetValueOrDefault(MetricNames.LogLoss, double.NaN)),
        ("Accuracy", _at?.Accuracy ?? double.NaN),
        ("Precision", _at?.Precision ?? double.NaN),
        ("Recall", _at?.Recall ?? double.NaN),
        ("F1", _at?.F1 ?? double.NaN),
    ];

    private long[][] BinaryConfusion => _at is null ? [[0, 0], [0, 0]]
        : [[_at.TrueNegatives, _at.FalsePositives], [_at.FalseNegatives, _at.TruePositives]];

    private long[][] MultiConfusion => MultiClassMetrics.ConfusionMatrix(Predictions.ClassLabels,
        Predictions.Scores.Select(s => (int)s).ToArray(), Predictions.Classes.Count);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawn, Predictions)) return;
        _drawn = Predictions;
        _summary = MetricSummary.Compute(Predictions, _threshold);
        if (Predictions.Task == PredictionTask.Binary) BuildBinaryCharts();
        else if (Predictions.Task == PredictionTask.Regression) _scatter = RunCharts.PredictedVsActual(Predictions);
        _at = Predictions.Task == PredictionTask.Binary ? BinaryMetrics.AtThreshold(Predictions.BinaryLabels, Predictions.Scores, _threshold) : null;
    }

    /// <summary>Recomputes the threshold metrics from the stored predictions; the curves do not depend on it.</summary>
    private void ThresholdChanged(double threshold)
    {
        _threshold = Math.Round(threshold, 2);
        _at = BinaryMetrics.AtThreshold(Predictions.BinaryLabels, Predictions.Scores, _threshold);
    }

    private void BuildBinaryCharts()
    {
        var labels = Predictions.BinaryLabels;
        _roc = RunCharts.Roc([(Run.Name, Curves.Roc(labels, Predictions.Scores))]);
        _pr = RunCharts.PrecisionRecall(Curves.PrecisionRecall(labels, Predictions.Scores), labels.Count(l => l) / (double)labels.Count);
        _calibration = RunCharts.Calibration(Calibration.Bins(labels, Predictions.Scores));
        _lift = RunCharts.Gain(LiftTable.Compute(labels, Predictions.Scores));
    }
}
