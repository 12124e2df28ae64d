using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Data.Accounts;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Admin;

/// <summary>The administrator's page: add users, give each one role, lock them, end their sessions.</summary>
public sealed partial class UsersPage
{
    [Inject] public required UserAdministration Accounts { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> Authentication { get; set; }

    private IReadOnlyList<UserSummary> _users = [];
    private string _newName = "";
    private string _newPassword = "";
    private string _newRole = StudioRoles.Analyst;
    private string? _error;
    private bool _busy;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private Task AddAsync() => RunAsync(async actor =>
    {
        await Accounts.CreateUserAsync(actor, _newName, _newPassword, _newRole);
        _newName = _newPassword = "";
    });

    private Task SetRoleAsync(UserSummary user, string role) => RunAsync(actor => Accounts.SetRoleAsync(actor, user.Id, role));

    private Task SetLockedAsync(UserSummary user, bool locked) => RunAsync(actor => Accounts.SetLockedAsync(actor, user.Id, locked));

    private Task SignOutEverywhereAsync(UserSummary user) => RunAsync(actor => Accounts.SignOutEverywhereAsync(actor, user.Id));

    /// <summary>One change at a time; Identity's refusal (weak password, taken name, last administrator) shows in place.</summary>
    private async Task RunAsync(Func<string, Task> change)
    {
        _busy = true;
        _error = null;
        try
        {
            var actor = (await Authentication).User.Identity?.Name ?? "";
            await change(actor);
        }
        catch (AccountException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _users = await Accounts.ListAsync();
}
