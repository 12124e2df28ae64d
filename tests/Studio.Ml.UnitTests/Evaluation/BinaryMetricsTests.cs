using Studio.Ml.Evaluation;
using static Studio.Ml.UnitTests.Evaluation.SklearnReference;

namespace Studio.Ml.UnitTests.Evaluation;

public sealed class BinaryMetricsTests
{
    private static readonly bool[] Labels = Section("binary").Flags("labels");
    private static readonly double[] Scores = Section("binary").Numbers("scores");

    [Fact]
    public void Auc_TiedScores_MatchesSklearn() => Close(Section("binary").Number("auc"), BinaryMetrics.Auc(Labels, Scores));

    [Fact]
    public void Auc_AllTied_IsOneHalf() => Assert.Equal(0.5, BinaryMetrics.Auc([true, false, true, false], [0.3, 0.3, 0.3, 0.3]));

    [Fact]
    public void Auc_OneClassOnly_IsNaN() => Assert.True(double.IsNaN(BinaryMetrics.Auc([true, true], [0.1, 0.9])));

    [Fact]
    public void LogLoss_MatchesSklearn() => Close(Section("binary").Number("log_loss"), BinaryMetrics.LogLoss(Labels, Scores));

    [Fact]
    public void AtThreshold_CountsAndRates_MatchSklearn()
    {
        var reference = Section("binary");
        var result = BinaryMetrics.AtThreshold(Labels, Scores, reference.Number("threshold"));
        var confusion = reference.GetProperty("confusion");
        Assert.Equal(confusion.GetProperty("tp").GetInt64(), result.TruePositives);
        Assert.Equal(confusion.GetProperty("fp").GetInt64(), result.FalsePositives);
        Assert.Equal(confusion.GetProperty("tn").GetInt64(), result.TrueNegatives);
        Assert.Equal(confusion.GetProperty("fn").GetInt64(), result.FalseNegatives);
        Close(reference.Number("accuracy"), result.Accuracy);
        Close(reference.Number("precision"), result.Precision);
        Close(reference.Number("recall"), result.Recall);
        Close(reference.Number("f1"), result.F1);
    }

    [Fact]
    public void AtThreshold_NothingPredictedPositive_PrecisionIsZero()
    {
        var result = BinaryMetrics.AtThreshold([true, false], [0.2, 0.1], 0.9);
        Assert.Equal(0, result.Precision);
        Assert.Equal(0, result.Recall);
        Assert.Equal(0.5, result.Accuracy);
    }

    [Fact]
    public void Roc_EveryDistinctScore_MatchesSklearnWithoutDropping()
    {
        var points = Curves.Roc(Labels, Scores);
        Close(Section("binary").Numbers("roc_fpr"), points.Select(p => p.FalsePositiveRate).ToArray());
        Close(Section("binary").Numbers("roc_tpr"), points.Select(p => p.TruePositiveRate).ToArray());
    }

    [Fact]
    public void PrecisionRecall_PointsAndAveragePrecision_MatchSklearn()
    {
        var reference = Section("binary");
        var points = Curves.PrecisionRecall(Labels, Scores);
        Close(reference.Numbers("pr_thresholds"), points.Select(p => p.Threshold).ToArray());
        Close(reference.Numbers("pr_precision"), points.Select(p => p.Precision).ToArray());
        Close(reference.Numbers("pr_recall"), points.Select(p => p.Recall).ToArray());
        Close(reference.Number("average_precision"), Curves.AveragePrecision(Labels, Scores));
    }

    [Fact]
    public void Calibration_UniformTenBins_MatchesSklearnCalibrationCurve()
    {
        var bins = Calibration.Bins(Labels, Scores, 10);
        Close(Section("binary").Numbers("calibration_prob_true"), bins.Select(b => b.ObservedRate).ToArray());
        Close(Section("binary").Numbers("calibration_prob_pred"), bins.Select(b => b.MeanPredicted).ToArray());
        Assert.Equal(Labels.Length, bins.Sum(b => b.Count));
    }

    [Fact]
    public void LiftTable_TwentyRowsFiveGroups_HandComputedValues()
    {
        // Scores 1.00, 0.95, ... 0.05 (best first); positives at ranks 0, 1, 2, 5, 9 → 5 of 20, base rate 0.25.
        var scores = Enumerable.Range(0, 20).Select(i => 1 - (i * 0.05)).ToArray();
        var labels = Enumerable.Range(0, 20).Select(i => i is 0 or 1 or 2 or 5 or 9).ToArray();
        var table = LiftTable.Compute(labels, scores, 5);
        Assert.Equal([3L, 1, 1, 0, 0], table.Select(r => r.Positives));
        Assert.Equal(3.0, table[0].Lift, 12);                 // 0.75 / 0.25
        Assert.Equal(0.8, table[1].CumulativeGain, 12);       // 4 of 5 positives in the top 8 rows
        Assert.Equal(2.0, table[1].CumulativeLift, 12);       // (4/8) / 0.25
        Assert.Equal(1.0, table[^1].CumulativeGain, 12);
        Assert.Equal(0.85, table[0].MinScore, 12);
    }
}
