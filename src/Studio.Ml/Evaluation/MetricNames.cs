namespace Studio.Ml.Evaluation;

/// <summary>Keys of the metric dictionaries the trainer and pages share.</summary>
public static class MetricNames
{
    public const string Loss = "loss";
    public const string Auc = "auc";
    public const string LogLoss = "log_loss";
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string AveragePrecision = "average_precision";
    public const string Top3Accuracy = "top3_accuracy";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";
    public const string Rows = "rows";
}
