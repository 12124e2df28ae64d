namespace Studio.Analysis.Experiments.Validation;

/// <summary>Result of the first pass over a log: each row's arm, which rows are excluded, and the issues found.</summary>
internal sealed class RowScan
{
    public required IReadOnlyList<string> Arms { get; init; }
    /// <summary>Arm index per row (0 = control); -1 for a row whose variant is not part of the analysis.</summary>
    public required int[] RowArm { get; init; }
    public required long[] RowsPerArm { get; init; }
    /// <summary>Null when no row is excluded.</summary>
    public bool[]? Excluded { get; set; }
    public long ExcludedRows { get; set; }
    public long MinTicks { get; init; }
    public long MaxTicks { get; init; }
    public bool OutOfOrder { get; init; }
    public List<ValidationIssue> Issues { get; } = [];
}
