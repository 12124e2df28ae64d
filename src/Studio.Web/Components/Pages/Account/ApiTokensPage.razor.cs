using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Data.Accounts;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Account;

/// <summary>The signed-in user's personal access tokens: create (shown once), list, revoke.</summary>
public sealed partial class ApiTokensPage
{
    [Inject] public required ApiTokenStore Tokens { get; init; }
    [Inject] public required WorkspaceState Workspaces { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> Authentication { get; set; }

    private IReadOnlyList<ApiToken> _tokens = [];
    private string _userId = "";
    private string _name = "";
    private bool _canWrite;
    private int? _workspaceId;
    private int _days = (int)ApiTokenStore.DefaultLifetime.TotalDays;
    private string? _created;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await Authentication).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (Workspaces.Current is null) await Workspaces.LoadAsync();
        await ReloadAsync();
    }

    private async Task CreateAsync()
    {
        _error = _created = null;
        try
        {
            _created = (await Tokens.CreateAsync(_userId, _name, _canWrite, _workspaceId, TimeSpan.FromDays(_days))).Token;
            _name = "";
        }
        catch (ArgumentException e)
        {
            _error = e.Message;
        }
        await ReloadAsync();
    }

    private async Task RevokeAsync(int id)
    {
        await Tokens.RevokeAsync(_userId, id);
        await ReloadAsync();
    }

    private string State(ApiToken t) =>
        t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= Clock.GetUtcNow() ? "expired" : "active";

    private async Task ReloadAsync() => _tokens = await Tokens.ListAsync(_userId);
}
