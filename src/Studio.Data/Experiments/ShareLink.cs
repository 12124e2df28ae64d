namespace Studio.Data.Experiments;

/// <summary>A read-only link to one experiment report. Only the SHA-256 hash of the token is stored.</summary>
public sealed class ShareLink
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public required byte[] TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
