namespace Studio.Data.Models;

/// <summary>Scores of every row of a dataset by a registered model, stored as a CSV file (row key, score…).</summary>
public sealed class ModelScoreSet
{
    public int Id { get; set; }
    public int ModelId { get; set; }
    public int DatasetId { get; set; }
    public Guid? JobId { get; set; }
    public required string FilePath { get; set; }
    public long RowCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
