namespace Studio.Data.Models;

/// <summary>One finished epoch of a run, saved as it ends so curves survive a restart.</summary>
public sealed class TrainingEpoch
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int Epoch { get; set; }
    public double TrainLoss { get; set; }
    public double ValidationLoss { get; set; }
    public required string ValidationMetricsJson { get; set; }
    public double SamplesPerSecond { get; set; }
    public double DurationSeconds { get; set; }
    public bool IsBest { get; set; }
}
