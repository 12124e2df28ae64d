using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Data.Audit;
using Studio.Data.Experiments;
using Studio.Data.Segments;

namespace Studio.Web.Audit;

/// <summary>
/// Records audit lines for whoever is acting in this scope (an API request or a Blazor circuit): the signed-in
/// user's name from the request or the circuit's authentication state, else <see cref="AuditActors.Local"/>.
/// </summary>
public sealed class AuditTrail(IAuditLog log, IHttpContextAccessor http, IServiceProvider services)
{
    public async Task RecordAsync(AuditAction action, string target, string? detail = null, long? rowCount = null, int? workspaceId = null)
    {
        var actor = await ActorAsync();
        // Not the request's token: the line is written even when the caller has gone (an export that completed).
        await log.RecordAsync(new AuditRecord(actor, action, target, detail, rowCount, workspaceId), CancellationToken.None);
    }

    // The lines the UI and the API both write, worded once.
    public Task SegmentDeletedAsync(Segment segment) =>
        RecordAsync(AuditAction.SegmentDeleted, $"segment {segment.Id} '{segment.Name}'",
            "with its members and export log", segment.MemberCount, segment.WorkspaceId);

    public Task ShareLinkCreatedAsync(int experimentId, int? workspaceId, CreatedShareLink link) =>
        RecordAsync(AuditAction.ShareLinkCreated, $"experiment {experimentId} share link {link.Id}",
            link.ExpiresAt is { } e ? "expires " + e.ToString("u", CultureInfo.InvariantCulture) : "no expiry", workspaceId: workspaceId);

    public Task ShareLinkRevokedAsync(int experimentId, int? workspaceId, int linkId) =>
        RecordAsync(AuditAction.ShareLinkRevoked, $"experiment {experimentId} share link {linkId}", workspaceId: workspaceId);

    public async Task<string> ActorAsync()
    {
        if (NameOf(http.HttpContext?.User) is { } requestUser) return requestUser;
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                if (NameOf((await provider.GetAuthenticationStateAsync()).User) is { } circuitUser) return circuitUser;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the server's provider has no state; the request's user was already asked.
            }
        }
        return AuditActors.Local;
    }

    private static string? NameOf(System.Security.Claims.ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
}
