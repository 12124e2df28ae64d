using System.Security.Cryptography;

namespace Studio.Web.Accounts;

/// <summary>
/// The one-time link that creates the first administrator. A fresh random token per process start, held only in
/// memory; it stops working once used (and is not issued at all when an administrator exists).
/// </summary>
public sealed class SetupLink
{
    private readonly Lock _gate = new();
    private string? _token;

    public string Issue()
    {
        lock (_gate)
        {
            _token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return _token;
        }
    }

    public bool IsValid(string? token)
    {
        lock (_gate) return Matches(token);
    }

    /// <summary>True once for the right token; afterwards no token is valid.</summary>
    public bool TryConsume(string? token)
    {
        lock (_gate)
        {
            if (!Matches(token)) return false;
            _token = null;
            return true;
        }
    }

    private bool Matches(string? token) =>
        _token is not null && token is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_token), System.Text.Encoding.UTF8.GetBytes(token));
}
