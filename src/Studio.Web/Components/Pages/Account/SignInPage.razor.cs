using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Studio.Data.Accounts;
using Studio.Data.Audit;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Account;

/// <summary>The sign-in form: a server-rendered POST, because only a real HTTP response can set Identity's cookie.</summary>
public sealed partial class SignInPage
{
    [Inject] public required SignInManager<StudioUser> SignIn { get; init; }
    [Inject] public required IAuthenticationSchemeProvider Schemes { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required ILogger<SignInPage> Logger { get; init; }
    [Inject] public required IAuditLog Audit { get; init; }

    [SupplyParameterFromQuery] public string? ReturnUrl { get; set; }
    [SupplyParameterFromForm(Name = "Input")] private SignInInput? Form { get; set; }

    private SignInInput Input => Form ??= new();

    private string? _error;
    private string? _externalProvider;

    protected override async Task OnInitializedAsync() =>
        _externalProvider = (await Schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))?.DisplayName;

    private async Task SignInAsync()
    {
        var result = await SignIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            AccountEvents.SignInSucceeded(Logger, Input.UserName);
            await Audit.RecordAsync(new AuditRecord(Input.UserName.Trim(), AuditAction.SignIn, "sign-in", "password"));
            Navigation.NavigateTo(LocalUrl.OrRoot(ReturnUrl));
            return;
        }
        if (result.IsLockedOut)
        {
            AccountEvents.SignInLockedOut(Logger, Input.UserName);
            await Audit.RecordAsync(new AuditRecord(Input.UserName.Trim(), AuditAction.SignInFailed, "sign-in", "locked out"));
            _error = "This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator.";
            return;
        }
        AccountEvents.SignInFailed(Logger, Input.UserName);
        await Audit.RecordAsync(new AuditRecord(Input.UserName.Trim(), AuditAction.SignInFailed, "sign-in", "wrong user name or password"));
        _error = "The user name or password is not right.";
    }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your user name.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";
    }
}
