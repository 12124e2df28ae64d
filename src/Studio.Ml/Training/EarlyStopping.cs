using Studio.Ml.Evaluation;

namespace Studio.Ml.Training;

/// <summary>Tracks the monitored metric; an epoch is "best" when it improves on the best by more than MinDelta.</summary>
internal sealed class EarlyStopping(EarlyStoppingSpec? spec)
{
    private double _best = double.NaN;
    private int _epochsWithoutImprovement;

    public int BestEpoch { get; private set; }

    /// <summary>Records an epoch; returns true when it is the new best.</summary>
    public bool Observe(EpochRecord epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        if (spec is null)
        {
            BestEpoch = epoch.Epoch;
            return true;
        }

        var value = Value(spec.Metric, epoch);
        var improved = double.IsNaN(_best) || (HigherIsBetter(spec.Metric) ? value > _best + spec.MinDelta : value < _best - spec.MinDelta);
        if (improved && !double.IsNaN(value))
        {
            _best = value;
            BestEpoch = epoch.Epoch;
            _epochsWithoutImprovement = 0;
            return true;
        }

        _epochsWithoutImprovement++;
        return false;
    }

    public bool ShouldStop => spec is not null && _epochsWithoutImprovement >= spec.Patience;

    public static bool HigherIsBetter(MonitorMetric metric) => metric is MonitorMetric.Auc or MonitorMetric.Accuracy or MonitorMetric.R2;

    private static double Value(MonitorMetric metric, EpochRecord epoch) => metric switch
    {
        MonitorMetric.ValidationLoss => epoch.ValidationLoss,
        MonitorMetric.Auc => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.Auc, double.NaN),
        MonitorMetric.LogLoss => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.LogLoss, double.NaN),
        MonitorMetric.Accuracy => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.Accuracy, double.NaN),
        MonitorMetric.Rmse => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.Rmse, double.NaN),
        MonitorMetric.Mae => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.Mae, double.NaN),
        MonitorMetric.R2 => epoch.ValidationMetrics.GetValueOrDefault(MetricNames.R2, double.NaN),
        _ => double.NaN,
    };
}
