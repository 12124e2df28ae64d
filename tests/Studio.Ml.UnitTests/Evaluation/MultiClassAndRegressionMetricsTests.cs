using Studio.Ml.Evaluation;
using Studio.Ml.Training;
using static Studio.Ml.UnitTests.Evaluation.SklearnReference;

namespace Studio.Ml.UnitTests.Evaluation;

public sealed class MultiClassAndRegressionMetricsTests
{
    private static readonly int[] Classes = Section("multiclass").Integers("labels");
    private static readonly double[][] Probabilities = Section("multiclass").Rows("probabilities");

    [Fact]
    public void MultiClass_LogLossAccuracyTopK_MatchSklearn()
    {
        var reference = Section("multiclass");
        Close(reference.Number("log_loss"), MultiClassMetrics.LogLoss(Classes, Probabilities));
        Close(reference.Number("accuracy"), MultiClassMetrics.Accuracy(Classes, Probabilities));
        Close(reference.Number("top2_accuracy"), MultiClassMetrics.TopKAccuracy(Classes, Probabilities, 2));
        Close(reference.Number("top3_accuracy"), MultiClassMetrics.TopKAccuracy(Classes, Probabilities, 3));
    }

    [Fact]
    public void MultiClass_ConfusionMatrix_MatchesSklearn()
    {
        var predicted = Probabilities.Select(MultiClassMetrics.PredictedClass).ToArray();
        var matrix = MultiClassMetrics.ConfusionMatrix(Classes, predicted, 5);
        var expected = Section("multiclass").Rows("confusion");
        for (var t = 0; t < 5; t++)
        {
            Assert.Equal(expected[t].Select(v => (long)v), matrix[t]);
        }
    }

    [Fact]
    public void Regression_RmseMaeR2_MatchSklearn()
    {
        var reference = Section("regression");
        var actual = reference.Numbers("actual");
        var predicted = reference.Numbers("predicted");
        Close(reference.Number("rmse"), RegressionMetrics.Rmse(actual, predicted));
        Close(reference.Number("mae"), RegressionMetrics.Mae(actual, predicted));
        Close(reference.Number("r2"), RegressionMetrics.R2(actual, predicted));
    }

    [Fact]
    public void Breakdown_ByAttribute_GroupsHaveTheirOwnMetrics()
    {
        // Rows 0-3 in "north" are ranked perfectly (AUC 1); rows 4-7 in "south" are ranked backwards (AUC 0).
        var predictions = new Predictions(
            PredictionTask.Binary,
            ["no", "yes"],
            [0, 1, 2, 3, 4, 5, 6, 7],
            [0.9, 0.8, 0.2, 0.1, 0.9, 0.8, 0.2, 0.1],
            null,
            [1, 1, 0, 0, 0, 0, 1, 1]);
        string?[] region = ["north", "north", "north", "north", "south", "south", "south", null];

        var rows = MetricBreakdown.ByAttribute(predictions, region);

        Assert.Equal(["north", "south", MetricBreakdown.MissingGroup], rows.Select(r => r.Group));
        Assert.Equal(1.0, rows[0].Metrics[MetricNames.Auc]);
        Assert.Equal(0.0, rows[1].Metrics[MetricNames.Auc]);
        Assert.Equal(3, rows[1].Rows);
        Assert.True(double.IsNaN(rows[2].Metrics[MetricNames.Auc]));
        Assert.Equal(1.0, rows[0].Metrics[MetricNames.Accuracy]);
    }

    [Fact]
    public void WorstPredictions_Binary_ConfidentMistakesFirst()
    {
        var predictions = new Predictions(PredictionTask.Binary, ["no", "yes"], [10, 11, 12, 13], [0.9, 0.05, 0.6, 0.99], null, [0, 1, 1, double.NaN]);

        var worst = WorstPredictions.Top(predictions, 2);

        Assert.Equal([11, 10], worst.Select(w => w.Row));            // P(true) 0.05, then 0.1; row 13 has no target
        Assert.Equal(-Math.Log(0.05), worst[0].Loss, 12);
        Assert.Equal(0.1, worst[1].Prediction, 12);
    }
}
