namespace Studio.Analysis.Experiments.Input;

/// <summary>Column names used in messages, so every message names columns the same way.</summary>
public static class ExperimentColumns
{
    public const string UnitId = "unit_id";
    public const string Variant = "variant";
    public const string AssignedAt = "assigned_at";
    public const string Converted = "converted";
    public const string Revenue = "revenue";
    public const string PreCovariate = "pre_covariate";
}
