namespace Studio.Data.Models;

/// <summary>A finished run promoted to the registry: versions count up per name; one version per name is in use.</summary>
public sealed class RegisteredModel
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public int RunId { get; set; }
    public int DatasetId { get; set; }
    public int DatasetVersion { get; set; }
    public required string SpecJson { get; set; }
    public string? MetricsJson { get; set; }
    public required string CheckpointPath { get; set; }
    public bool InUse { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
