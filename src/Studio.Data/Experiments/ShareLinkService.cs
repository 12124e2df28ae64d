using Microsoft.EntityFrameworkCore;
using Studio.Data.Storage;

namespace Studio.Data.Experiments;

/// <summary>The state of a presented share token.</summary>
public enum ShareLinkStatus
{
    Valid,
    Unknown,
    Revoked,
    Expired,
}

public sealed record ShareLinkResolution(ShareLinkStatus Status, int? ExperimentId);

/// <summary>A newly created link: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedShareLink(int Id, string Token, DateTimeOffset? ExpiresAt);

/// <summary>Creates, resolves and revokes share links. Tokens are 32 random bytes, base64url; only SHA-256 hashes are stored.</summary>
public sealed class ShareLinkService(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    public async Task<CreatedShareLink> CreateAsync(int experimentId, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await context.ExperimentDefinitions.AnyAsync(e => e.Id == experimentId, cancellationToken))
            throw new InvalidOperationException($"Experiment {experimentId} does not exist.");
        var link = new ShareLink { ExperimentId = experimentId, TokenHash = Hash(token), CreatedAt = clock.GetUtcNow(), ExpiresAt = expiresAt };
        context.ShareLinks.Add(link);
        await context.SaveChangesAsync(cancellationToken);
        return new CreatedShareLink(link.Id, token, expiresAt);
    }

    public async Task<ShareLinkResolution> ResolveAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return new(ShareLinkStatus.Unknown, null);
        var hash = Hash(token);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await context.ShareLinks.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (link is null) return new(ShareLinkStatus.Unknown, null);
        if (link.RevokedAt is not null) return new(ShareLinkStatus.Revoked, null);
        if (link.ExpiresAt is { } expires && expires <= clock.GetUtcNow()) return new(ShareLinkStatus.Expired, null);
        return new(ShareLinkStatus.Valid, link.ExperimentId);
    }

    public async Task<IReadOnlyList<ShareLink>> ListAsync(int experimentId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await context.ShareLinks.AsNoTracking().Where(s => s.ExperimentId == experimentId).ToListAsync(cancellationToken);
        return [.. links.OrderByDescending(l => l.CreatedAt)];
    }

    /// <returns>False when no such link exists for the experiment.</returns>
    public async Task<bool> RevokeAsync(int experimentId, int linkId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await context.ShareLinks.FirstOrDefaultAsync(s => s.Id == linkId && s.ExperimentId == experimentId, cancellationToken);
        if (link is null) return false;
        link.RevokedAt ??= clock.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static byte[] Hash(string token) => SecretTokens.Hash(token);
}
