namespace Studio.Data.Experiments;

/// <summary>
/// An experiment: which dataset version holds its log, how the log's columns map to the analysis, and the analyst's
/// decision. The mapping and spec options are JSON owned by the analysis layer (the store does not interpret them).
/// </summary>
public sealed class ExperimentDefinition
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Question { get; set; }
    public int DatasetId { get; set; }
    public int DatasetVersion { get; set; }
    public required string MappingJson { get; set; }
    public required string ControlVariant { get; set; }
    /// <summary>Variant → weight as JSON, or null for an equal split.</summary>
    public string? IntendedSplitJson { get; set; }
    public required string SpecOptionsJson { get; set; }
    public ExperimentDecision Decision { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public enum ExperimentDecision
{
    Undecided,
    Ship,
    DoNotShip,
    KeepRunning,
}
