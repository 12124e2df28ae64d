using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Studio.Data.Accounts;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Account;

/// <summary>The printed one-time link of a fresh web install: creates the administrator (there is no default password).</summary>
public sealed partial class SetupPage
{
    [Inject] public required UserAdministration Accounts { get; init; }
    [Inject] public required SetupLink Link { get; init; }
    [Inject] public required SignInManager<StudioUser> SignIn { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter] public required string Token { get; set; }
    [SupplyParameterFromForm(Name = "Input")] private SetupInput? Form { get; set; }

    private SetupInput Input => Form ??= new();

    private bool _linkValid;
    private string? _error;

    protected override void OnParametersSet() => _linkValid = Link.IsValid(Token);

    private async Task CreateAsync()
    {
        StudioUser? user;
        try
        {
            user = await Accounts.CreateAdministratorAsync(Token, Input.UserName, Input.Password);
        }
        catch (AccountException e)
        {
            _error = e.Message;
            return;
        }
        if (user is null)
        {
            _linkValid = false;
            return;
        }
        await SignIn.SignInAsync(user, isPersistent: false);
        Navigation.NavigateTo("/");
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Choose a user name.")]
        [StringLength(100)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        public string Confirm { get; set; } = "";
    }
}
