namespace Studio.Data.Segments;

/// <summary>The log line of one export of a segment list: when, which segment, the format, rows and columns.</summary>
public sealed class SegmentExport
{
    public int Id { get; set; }
    public int SegmentId { get; set; }
    public DateTimeOffset At { get; set; }
    public SegmentExportFormat Format { get; set; }
    public int RowCount { get; set; }
    /// <summary>The exported column names, in order.</summary>
    public List<string> Columns { get; set; } = [];
}

public enum SegmentExportFormat
{
    Csv,
    Xlsx,
}
