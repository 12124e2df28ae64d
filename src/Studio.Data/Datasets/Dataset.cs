using Studio.Core.Datasets;

namespace Studio.Data.Datasets;

/// <summary>
/// One immutable version of a table. A raw upload is version 1; every cleaning step makes a new
/// version whose <see cref="ParentId"/> points at the version it came from (lineage).
/// Rows live in their own SQLite table named <see cref="TableName"/>.
/// </summary>
public sealed class Dataset
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public Workspaces.Workspace? Workspace { get; set; }
    public required string Name { get; set; }
    public DatasetRole Role { get; set; }
    public int Version { get; set; } = 1;
    public int? ParentId { get; set; }
    public Dataset? Parent { get; set; }
    /// <summary>What made this version from its parent (a recipe step as JSON), or null for a raw upload.</summary>
    public string? DerivationJson { get; set; }
    public string? SourceFileName { get; set; }
    public long SourceBytes { get; set; }
    public long RowCount { get; set; }
    public required string TableName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<DatasetColumn> Columns { get; } = [];
}
