namespace Studio.Data.Segments;

/// <summary>One member of a segment: the value of the customers dataset's key column.</summary>
public sealed class SegmentMember
{
    public int SegmentId { get; set; }
    public required string Key { get; set; }
}
