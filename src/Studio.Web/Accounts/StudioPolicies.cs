namespace Studio.Web.Accounts;

/// <summary>Authorization policy names. Everything not named here falls to the fallback policy: signed in.</summary>
public static class StudioPolicies
{
    /// <summary>Changes data, models, segments or experiments: administrators and analysts.</summary>
    public const string Write = "studio-write";

    /// <summary>Manages users and roles: administrators.</summary>
    public const string Administer = "studio-administer";
}
