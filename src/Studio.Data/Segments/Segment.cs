namespace Studio.Data.Segments;

/// <summary>
/// A named set of customers of one customers dataset version. Members are stored as the values of that version's
/// key column (<see cref="SegmentMember"/>); <see cref="DefinitionJson"/> records how the set was made (rules, k-means
/// parameters, a selection) and is owned by the layer that made it.
/// </summary>
public sealed class Segment
{
    public int Id { get; set; }
    public int WorkspaceId { get; set; }
    public required string Name { get; set; }
    public SegmentSource Source { get; set; }
    public required string DefinitionJson { get; set; }
    /// <summary>The customers dataset version whose key column the members key into.</summary>
    public int DatasetId { get; set; }
    public int MemberCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How a segment was made.</summary>
public enum SegmentSource
{
    Rule,
    Selection,
    KMeans,
    Import,
}
