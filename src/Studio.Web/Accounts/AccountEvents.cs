namespace Studio.Web.Accounts;

/// <summary>
/// Sign-in and account events, written through <see cref="ILogger"/> with stable event ids and names so the audit
/// log can pick them up.
/// </summary>
internal static partial class AccountEvents
{
    [LoggerMessage(EventId = 1200, EventName = "SignInSucceeded", Level = LogLevel.Information, Message = "Sign-in succeeded for {UserName}")]
    public static partial void SignInSucceeded(ILogger logger, string userName);

    [LoggerMessage(EventId = 1201, EventName = "SignInFailed", Level = LogLevel.Warning, Message = "Sign-in failed for {UserName}")]
    public static partial void SignInFailed(ILogger logger, string userName);

    [LoggerMessage(EventId = 1202, EventName = "SignInLockedOut", Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}: locked out")]
    public static partial void SignInLockedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 1203, EventName = "SignedOut", Level = LogLevel.Information, Message = "{UserName} signed out")]
    public static partial void SignedOut(ILogger logger, string userName);

    [LoggerMessage(EventId = 1204, EventName = "SignedOutEverywhere", Level = LogLevel.Information, Message = "Every session of {UserName} was ended by {Actor}")]
    public static partial void SignedOutEverywhere(ILogger logger, string userName, string actor);

    [LoggerMessage(EventId = 1205, EventName = "AdministratorCreated", Level = LogLevel.Information, Message = "Administrator {UserName} created through the setup link")]
    public static partial void AdministratorCreated(ILogger logger, string userName);

    [LoggerMessage(EventId = 1206, EventName = "UserCreated", Level = LogLevel.Information, Message = "{Actor} created user {UserName} with role {Role}")]
    public static partial void UserCreated(ILogger logger, string actor, string userName, string role);

    [LoggerMessage(EventId = 1207, EventName = "RoleChanged", Level = LogLevel.Information, Message = "{Actor} changed the role of {UserName} to {Role}")]
    public static partial void RoleChanged(ILogger logger, string actor, string userName, string role);

    [LoggerMessage(EventId = 1208, EventName = "SetupLinkIssued", Level = LogLevel.Warning,
        Message = "No administrator yet. Open {Url} once to create one (the link works until an administrator exists)")]
    public static partial void SetupLinkIssued(ILogger logger, string url);

    [LoggerMessage(EventId = 1209, EventName = "UserLockChanged", Level = LogLevel.Information, Message = "{Actor} set {UserName} locked = {Locked}")]
    public static partial void UserLockChanged(ILogger logger, string actor, string userName, bool locked);
}
