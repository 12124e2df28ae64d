using Microsoft.AspNetCore.Components.Authorization;
using Studio.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Studio.Data.Experiments;
using Studio.Web.Audit;

namespace Studio.Web.Components.Pages.Experiments;

public sealed partial class SharePanel
{
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }
    [Inject] public required ShareLinkService Links { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required AuditTrail Audit { get; init; }
    [Parameter] public int? WorkspaceId { get; set; }
    [Parameter] public int ExperimentId { get; set; }

    private IReadOnlyList<ShareLink> _links = [];
    private int? _expiresInDays;
    private string? _created;

    private bool _canWrite;

    protected override async Task OnInitializedAsync() => _canWrite = await WriteAccess.CanWriteAsync(Authentication);

    protected override async Task OnParametersSetAsync() => _links = await Links.ListAsync(ExperimentId);

    private async Task CreateAsync()
    {
        var expires = _expiresInDays is { } days ? Clock.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var link = await Links.CreateAsync(ExperimentId, expires);
        await Audit.ShareLinkCreatedAsync(ExperimentId, WorkspaceId, link);
        _created = Navigation.ToAbsoluteUri($"share/{link.Token}").ToString();
        _links = await Links.ListAsync(ExperimentId);
    }

    private async Task RevokeAsync(int id)
    {
        if (await Links.RevokeAsync(ExperimentId, id)) await Audit.ShareLinkRevokedAsync(ExperimentId, WorkspaceId, id);
        _links = await Links.ListAsync(ExperimentId);
    }

    private string Status(ShareLink link) =>
        link.RevokedAt is not null ? "revoked" : link.ExpiresAt is { } e && e <= Clock.GetUtcNow() ? "expired" : "active";
}
