using Microsoft.EntityFrameworkCore;
using Studio.Data.Storage;

namespace Studio.Data.Accounts;

/// <summary>A token as created: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(int Id, string Token, DateTimeOffset ExpiresAt);

/// <summary>Creates, resolves (on every request: a revocation stops the next one) and revokes personal access tokens.</summary>
public sealed class ApiTokenStore(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    public const string Prefix = "stp_";
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, bool canWrite, int? workspaceId, TimeSpan? lifetime,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A token needs a name.", nameof(name));
        var life = lifetime ?? DefaultLifetime;
        if (life <= TimeSpan.Zero || life > MaxLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"A token lives between 1 day and {MaxLifetime.TotalDays:0} days.");
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (workspaceId is { } w && !await context.Workspaces.AnyAsync(x => x.Id == w, cancellationToken))
            throw new ArgumentException($"Workspace {w} does not exist.", nameof(workspaceId));
        var token = SecretTokens.New(Prefix);
        var now = clock.GetUtcNow();
        var row = new ApiToken
        {
            UserId = userId, Name = name.Trim(), TokenHash = SecretTokens.Hash(token), CanWrite = canWrite, WorkspaceId = workspaceId,
            CreatedAt = now, ExpiresAt = now + life,
        };
        context.ApiTokens.Add(row);
        await context.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(row.Id, token, row.ExpiresAt);
    }

    /// <returns>The live token, or null when it is unknown, revoked or expired.</returns>
    public async Task<ApiToken?> ResolveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = SecretTokens.Hash(token);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return row is null || row.RevokedAt is not null || row.ExpiresAt <= clock.GetUtcNow() ? null : row;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await context.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(t => t.CreatedAt)];
    }

    /// <returns>False when the user has no such token.</returns>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await context.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (row is null) return false;
        row.RevokedAt ??= clock.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }
}
