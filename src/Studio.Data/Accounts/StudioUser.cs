using Microsoft.AspNetCore.Identity;

namespace Studio.Data.Accounts;

/// <summary>A person who signs in to Studio in web mode (Identity's user, stored in Studio's own database).</summary>
public sealed class StudioUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
