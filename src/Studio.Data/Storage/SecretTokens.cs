using System.Security.Cryptography;

namespace Studio.Data.Storage;

/// <summary>Random bearer secrets (share links, API tokens): 32 random bytes, base64url; only SHA-256 hashes are stored.</summary>
public static class SecretTokens
{
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
