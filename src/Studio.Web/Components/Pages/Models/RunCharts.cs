using Studio.Ml.Evaluation;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

/// <summary>Chart specs of the evaluation page, built from the evaluation library's curves and tables.</summary>
public static class RunCharts
{
    private const int MaxCurvePoints = 400;

    public static ChartSpec Roc(IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var series = curves.Select(c =>
        {
            var points = Thin(c.Points);
            return new ChartSeries(c.Name, points.Select(p => (object)p.FalsePositiveRate).ToList(), points.Select(p => (object)p.TruePositiveRate).ToList());
        }).ToList();
        series.Add(new ChartSeries("Chance", [0.0, 1.0], [0.0, 1.0], Color: "#aaa", Dashed: true));
        return new ChartSpec("ROC curve", "False positive rate", "True positive rate", series, XMin: 0, XMax: 1, YMin: 0, YMax: 1.02);
    }

    public static ChartSpec PrecisionRecall(IReadOnlyList<PrecisionRecallPoint> curve, double baseRate)
    {
        var points = Thin(curve);
        return new ChartSpec("Precision–recall", "Recall", "Precision",
        [
            new ChartSeries("Model", points.Select(p => (object)p.Recall).ToList(), points.Select(p => (object)p.Precision).ToList()),
            new ChartSeries("Base rate", [0.0, 1.0], [baseRate, baseRate], Color: "#aaa", Dashed: true),
        ], XMin: 0, XMax: 1, YMin: 0, YMax: 1.02);
    }

    public static ChartSpec Calibration(IReadOnlyList<CalibrationBin> bins)
    {
        var filled = bins.Where(b => b.Count > 0).ToList();
        return new ChartSpec("Calibration", "Mean predicted probability", "Observed rate",
        [
            new ChartSeries("Model", filled.Select(b => (object)b.MeanPredicted).ToList(), filled.Select(b => (object)b.ObservedRate).ToList(), SeriesKind.LinesAndMarkers,
                Text: filled.Select(b => b.Count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + " rows").ToList()),
            new ChartSeries("Perfect", [0.0, 1.0], [0.0, 1.0], Color: "#aaa", Dashed: true),
        ], XMin: 0, XMax: 1, YMin: 0, YMax: 1);
    }

    public static ChartSpec Gain(IReadOnlyList<LiftRow> rows)
    {
        var share = rows.Select((_, i) => (object)((i + 1) / (double)rows.Count)).ToList();
        return new ChartSpec("Cumulative gain and lift (by score decile)", "Share of rows contacted (best scores first)", "Share of positives / lift",
        [
            new ChartSeries("Cumulative gain", [0.0, .. share], [0.0, .. rows.Select(r => (object)r.CumulativeGain)], SeriesKind.LinesAndMarkers),
            new ChartSeries("Cumulative lift", share, rows.Select(r => (object)r.CumulativeLift).ToList(), SeriesKind.LinesAndMarkers),
            new ChartSeries("Random", [0.0, 1.0], [0.0, 1.0], Color: "#aaa", Dashed: true),
        ]);
    }

    public static ChartSpec PredictedVsActual(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var step = Math.Max(1, predictions.Scores.Length / 2000);
        var picked = Enumerable.Range(0, predictions.Scores.Length).Where(i => i % step == 0).ToList();
        return new ChartSpec("Predicted vs actual", "Actual", "Predicted",
        [
            new ChartSeries("Rows", picked.Select(i => (object)predictions.Targets[i]).ToList(), picked.Select(i => (object)predictions.Scores[i]).ToList(), SeriesKind.Markers),
        ], ShowLegend: false);
    }

    private static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> points)
    {
        if (points.Count <= MaxCurvePoints) return points;
        var step = points.Count / (double)MaxCurvePoints;
        return Enumerable.Range(0, MaxCurvePoints).Select(i => points[(int)(i * step)]).Append(points[^1]).ToList();
    }
}
