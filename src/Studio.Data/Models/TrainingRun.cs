using Studio.Core.Jobs;

namespace Studio.Data.Models;

/// <summary>
/// One training run: the full spec (JSON), its seed, the dataset version it read, timings, the outcome and where
/// its best checkpoint and test predictions live. Status follows the run's job.
/// </summary>
public sealed class TrainingRun
{
    public int Id { get; set; }
    public Guid? JobId { get; set; }
    public int WorkspaceId { get; set; }
    public int DatasetId { get; set; }
    public int DatasetVersion { get; set; }
    public required string DatasetName { get; set; }
    public required string Name { get; set; }
    public required string SpecJson { get; set; }
    public required string ModelKind { get; set; }
    public required string Task { get; set; }
    public required string TargetColumn { get; set; }
    public int Seed { get; set; }
    public JobStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Preparation, training, validation and test durations (JSON).</summary>
    public string? TimingsJson { get; set; }
    public int? BestEpoch { get; set; }
    public bool StoppedEarly { get; set; }
    public string? TestMetricsJson { get; set; }
    public string? Error { get; set; }
    /// <summary>The best checkpoint so far (kept when the run is interrupted); null until the first epoch ends.</summary>
    public string? CheckpointPath { get; set; }
    /// <summary>Test rows as row index + score + label, so pages recompute metrics at any threshold.</summary>
    public string? PredictionsPath { get; set; }
    public List<TrainingEpoch> Epochs { get; } = [];
}
