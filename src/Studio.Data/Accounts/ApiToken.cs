namespace Studio.Data.Accounts;

/// <summary>
/// A personal access token for the HTTP API: only its SHA-256 hash is stored. It acts for its user, limited to
/// reading unless <see cref="CanWrite"/>, and to one workspace when <see cref="WorkspaceId"/> is set.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required byte[] TokenHash { get; set; }
    public bool CanWrite { get; set; }
    public int? WorkspaceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
