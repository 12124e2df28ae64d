using System.Globalization;

namespace Studio.Ml.Training;

/// <summary>Explains, in words an analyst reads in a form, why a <see cref="TrainingSpec"/> cannot run.</summary>
public static class TrainingSpecValidator
{
    private const double RatioTolerance = 1e-6;

    public static IReadOnlyList<string> Validate(TrainingSpec spec, ColumnSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        CheckColumns(spec, schema, problems);
        CheckModel(spec, problems);
        CheckTraining(spec, problems);
        CheckSplit(spec, schema, problems);
        return problems;
    }

    private static void CheckColumns(TrainingSpec spec, ColumnSchema? schema, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(spec.TargetColumn))
        {
            problems.Add("Choose a target column.");
        }

        var features = spec.CategoricalColumns.Concat(spec.NumericColumns).ToList();
        if (features.Count == 0)
        {
            problems.Add("Choose at least one feature column.");
        }

        if (features.Contains(spec.TargetColumn, StringComparer.Ordinal))
        {
            problems.Add($"The target \"{spec.TargetColumn}\" cannot also be a feature.");
        }

        foreach (var duplicate in features.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Column \"{duplicate.Key}\" is chosen more than once.");
        }

        if (schema is null)
        {
            return;
        }

        var all = schema.Categorical.Concat(schema.Numeric).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(spec.TargetColumn) && !all.Contains(spec.TargetColumn))
        {
            problems.Add($"Unknown target column \"{spec.TargetColumn}\".");
        }
        else if (spec.Task == PredictionTask.Regression && schema.Categorical.Contains(spec.TargetColumn))
        {
            problems.Add($"Regression needs a numeric target; \"{spec.TargetColumn}\" is categorical.");
        }

        foreach (var column in features.Where(c => !all.Contains(c)).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"Unknown feature column \"{column}\".");
        }

        foreach (var column in spec.NumericColumns.Where(schema.Categorical.Contains))
        {
            problems.Add($"\"{column}\" is categorical and cannot be used as a numeric feature.");
        }
    }

    private static void CheckModel(TrainingSpec spec, List<string> problems)
    {
        var model = spec.Model;
        if (model.Kind != ModelKind.LogisticRegression && model.HiddenSizes.Count == 0)
        {
            problems.Add($"{model.Kind} needs at least one hidden layer.");
        }

        if (model.HiddenSizes.Any(h => h <= 0))
        {
            problems.Add("Hidden layer sizes must be positive.");
        }

        if (model.Dropout is < 0 or >= 1)
        {
            problems.Add("Dropout must be at least 0 and below 1.");
        }

        if (model.Kind == ModelKind.DeepFM && spec.Embedding.Dimension is null)
        {
            problems.Add("DeepFM shares one embedding per field between its FM and deep parts: set one embedding dimension for all fields.");
        }

        if (model.Kind == ModelKind.DeepFM && spec.Embedding.PerField.Count > 0)
        {
            problems.Add("DeepFM needs the same embedding dimension for every field: remove the per-field dimensions.");
        }

        if (spec.Embedding.Dimension is <= 0 || spec.Embedding.PerField.Values.Any(d => d <= 0) || spec.Embedding.MaxDimension <= 0)
        {
            problems.Add("Embedding dimensions must be positive.");
        }
    }

    private static void CheckTraining(TrainingSpec spec, List<string> problems)
    {
        if (spec.Optimizer.LearningRate is <= 0 or > 10 || double.IsNaN(spec.Optimizer.LearningRate))
        {
            problems.Add("The learning rate must be above 0 (and sensibly at most 10).");
        }

        if (spec.Optimizer.WeightDecay < 0)
        {
            problems.Add("Weight decay cannot be negative.");
        }

        if (spec.Optimizer.Kind == OptimizerKind.SgdMomentum && spec.Optimizer.Momentum is < 0 or >= 1)
        {
            problems.Add("SGD momentum must be at least 0 and below 1.");
        }

        if (spec.BatchSize <= 0)
        {
            problems.Add("The batch size must be positive.");
        }

        if (spec.Epochs <= 0)
        {
            problems.Add("Train for at least one epoch.");
        }

        if (spec.Features.MinFrequency < 1)
        {
            problems.Add("The minimum category frequency must be at least 1.");
        }

        CheckEarlyStopping(spec, problems);
        CheckClassWeighting(spec, problems);
    }

    private static void CheckEarlyStopping(TrainingSpec spec, List<string> problems)
    {
        if (spec.EarlyStopping is not { } stopping)
        {
            return;
        }

        if (stopping.Patience < 1)
        {
            problems.Add("Early stopping patience must be at least 1 epoch.");
        }

        if (stopping.MinDelta < 0)
        {
            problems.Add("Early stopping min delta cannot be negative.");
        }

        if (spec.Split.ValidationRatio <= 0)
        {
            problems.Add("Early stopping needs a validation split (validation ratio above 0).");
        }

        var classification = stopping.Metric is MonitorMetric.Auc or MonitorMetric.LogLoss or MonitorMetric.Accuracy;
        var regression = stopping.Metric is MonitorMetric.Rmse or MonitorMetric.Mae or MonitorMetric.R2;
        if (stopping.Metric == MonitorMetric.Auc && spec.Task != PredictionTask.Binary)
        {
            problems.Add("Early stopping on AUC needs a binary target.");
        }
        else if (classification && spec.Task == PredictionTask.Regression)
        {
            problems.Add($"Regression cannot stop early on {stopping.Metric}; use RMSE, MAE, R² or the validation loss.");
        }
        else if (regression && spec.Task != PredictionTask.Regression)
        {
            problems.Add($"{stopping.Metric} is a regression metric; a {spec.Task} target stops on AUC, log loss, accuracy or the validation loss.");
        }
    }

    private static void CheckClassWeighting(TrainingSpec spec, List<string> problems)
    {
        var weighting = spec.ClassWeighting;
        if (weighting.Mode != ClassWeightingMode.None && spec.Task == PredictionTask.Regression)
        {
            problems.Add("Regression cannot use class weighting.");
        }

        if (weighting.Mode == ClassWeightingMode.Manual && spec.Task == PredictionTask.MultiClass)
        {
            problems.Add("A manual positive weight applies to binary targets only; use balanced weighting for multi-class.");
        }

        if (weighting.Mode == ClassWeightingMode.Manual && weighting.PositiveWeight <= 0)
        {
            problems.Add("The positive class weight must be above 0.");
        }
    }

    private static void CheckSplit(TrainingSpec spec, ColumnSchema? schema, List<string> problems)
    {
        var split = spec.Split;
        if (split.TrainRatio <= 0 || split.ValidationRatio < 0 || split.TestRatio < 0)
        {
            problems.Add("The training ratio must be above 0 and the other ratios at least 0.");
        }

        var sum = split.TrainRatio + split.ValidationRatio + split.TestRatio;
        if (Math.Abs(sum - 1) > RatioTolerance)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Split ratios must sum to 1 (they sum to {sum:0.###})."));
        }

        if (split.Kind == SplitKind.Stratified && spec.Task == PredictionTask.Regression)
        {
            problems.Add("Stratified split needs a binary or multi-class target.");
        }

        if (split.Kind == SplitKind.ByTime && string.IsNullOrWhiteSpace(split.TimeColumn))
        {
            problems.Add("A split by time needs a time column.");
        }

        if (split.Kind != SplitKind.ByTime && split.TimeColumn is not null)
        {
            problems.Add("A time column is used only by the split by time.");
        }

        if (split.Kind == SplitKind.ByTime && split.TimeColumn is { } time && schema is not null
            && !schema.Numeric.Contains(time) && !schema.Categorical.Contains(time))
        {
            problems.Add($"Unknown time column \"{time}\".");
        }
    }
}
