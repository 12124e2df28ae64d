namespace Studio.Analysis.Experiments.Validation;

public enum IssueSeverity
{
    /// <summary>The analysis ran; the readout shows the issue (and it may block shipping).</summary>
    Warning,
    /// <summary>The analysis was refused.</summary>
    Error,
}

public enum IssueCode
{
    EmptyLog,
    ControlVariantMissing,
    UnknownVariant,
    ZeroUnitVariant,
    SingleArm,
    MissingOutcomes,
    RowsExcluded,
    NonBinaryConversion,
    NoOutcomeColumns,
    Contamination,
    DuplicateUnit,
    TimestampsOutOfOrder,
    UnknownSegmentAttribute,
    InvalidSpec,
    UnknownMetricColumn,
    WinsorizationMakesConstant,
    ConstantMetric,
    HeavyTail,
    OutlierDominance,
    NoTimeline,
}

/// <summary>
/// One data-quality finding. <see cref="Row"/> is the 1-based data row (header not counted) of the first example.
/// </summary>
public sealed record ValidationIssue(
    IssueCode Code,
    IssueSeverity Severity,
    string Message,
    string? Variant = null,
    string? Column = null,
    long? Row = null,
    string? UnitId = null,
    long Count = 0,
    IReadOnlyList<string>? Examples = null);

/// <summary>The analysis was refused; <see cref="Issues"/> lists every problem found (errors and warnings).</summary>
public sealed class ExperimentValidationException : Exception
{
    public ExperimentValidationException(string experimentName, IReadOnlyList<ValidationIssue> issues)
        : base(Compose(experimentName, issues))
    {
        ExperimentName = experimentName;
        Issues = issues;
    }

    public ExperimentValidationException() : this("(unknown experiment)", []) { }
    public ExperimentValidationException(string message) : base(message) { ExperimentName = "(unknown experiment)"; Issues = []; }
    public ExperimentValidationException(string message, Exception inner) : base(message, inner) { ExperimentName = "(unknown experiment)"; Issues = []; }

    public string ExperimentName { get; }
    public IReadOnlyList<ValidationIssue> Issues { get; }
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == IssueSeverity.Error);

    private static string Compose(string experimentName, IReadOnlyList<ValidationIssue> issues)
    {
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Message).ToList();
        return $"Experiment '{experimentName}' cannot be analysed ({errors.Count} problem(s)): " + string.Join(" | ", errors);
    }
}
