namespace Studio.Analysis.Experiments.Input;

/// <summary>
/// One row of an experiment log for row-oriented callers. <paramref name="SegmentValues"/> lines up with the
/// segment attribute names passed to <see cref="ExperimentLogBuilder.FromRows"/>.
/// </summary>
public readonly record struct ExperimentRow(
    string UnitId,
    string Variant,
    DateTimeOffset AssignedAt,
    double? Converted = null,
    double? Revenue = null,
    double? PreCovariate = null,
    IReadOnlyList<string?>? SegmentValues = null);
