using Studio.Core.Datasets;

namespace Studio.Data.Datasets;

public sealed class DatasetColumn
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public int Ordinal { get; set; }
    public required string Name { get; set; }
    /// <summary>The column's name in the row table (sanitised; the display name may hold anything).</summary>
    public required string StorageName { get; set; }
    public ColumnType Type { get; set; }
    public long MissingCount { get; set; }
    public long DistinctCount { get; set; }
}
