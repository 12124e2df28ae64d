using System.Text.Json.Serialization;

namespace Studio.Ml.Training;

[JsonConverter(typeof(JsonStringEnumConverter<PredictionTask>))]
public enum PredictionTask
{
    Binary,
    MultiClass,
    Regression,
}

[JsonConverter(typeof(JsonStringEnumConverter<ModelKind>))]
public enum ModelKind
{
    LogisticRegression,
    Mlp,
    DeepFM,
}

[JsonConverter(typeof(JsonStringEnumConverter<ActivationKind>))]
public enum ActivationKind
{
    ReLU,
    Gelu,
    Tanh,
}

[JsonConverter(typeof(JsonStringEnumConverter<WeightInit>))]
public enum WeightInit
{
    Default,
    Xavier,
    He,
}

[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    SgdMomentum,
    Adam,
    AdamW,
}

[JsonConverter(typeof(JsonStringEnumConverter<SplitKind>))]
public enum SplitKind
{
    Random,
    Stratified,
    ByTime,
}

[JsonConverter(typeof(JsonStringEnumConverter<MissingNumericStrategy>))]
public enum MissingNumericStrategy
{
    /// <summary>Standardize, put missing at 0 (the training mean) and add a 0/1 missing column.</summary>
    Indicator,

    /// <summary>Standardize and put missing at 0 (the training mean), no extra column.</summary>
    MeanImpute,
}

[JsonConverter(typeof(JsonStringEnumConverter<ClassWeightingMode>))]
public enum ClassWeightingMode
{
    None,

    /// <summary>Binary: pos_weight = negatives / positives on the training split; multi-class: n / (k * count).</summary>
    Balanced,

    /// <summary>Binary only: pos_weight = <see cref="ClassWeightingSpec.PositiveWeight"/>.</summary>
    Manual,
}

/// <summary>The quantity early stopping watches; each knows whether larger is better.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitorMetric>))]
public enum MonitorMetric
{
    ValidationLoss,
    Auc,
    LogLoss,
    Accuracy,
    Rmse,
    Mae,
    R2,
}
