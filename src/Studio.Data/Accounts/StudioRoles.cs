namespace Studio.Data.Accounts;

/// <summary>
/// The three roles: administrators manage users and settings, analysts change data, models, segments and
/// experiments, viewers read results and reports.
/// </summary>
public static class StudioRoles
{
    public const string Administrator = "administrator";
    public const string Analyst = "analyst";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Analyst, Viewer];

    /// <summary>Roles allowed to change things (the <c>Write</c> policy).</summary>
    public static readonly IReadOnlyList<string> Writers = [Administrator, Analyst];
}
