using System.Text.RegularExpressions;

namespace Studio.Web.IntegrationTests;

/// <summary>Posts the app's server-rendered forms as a browser would: GET the page, echo its antiforgery token.</summary>
public static partial class FormPosts
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {path}:\n{page}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value, ["_handler"] = handler };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/signin", "signin", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>The path of the one-time setup link among the app's log lines, or null (desktop mode prints none).</summary>
    public static string? SetupPath(IEnumerable<string> logLines) =>
        logLines.Select(line => SetupLinkPattern().Match(line)).FirstOrDefault(m => m.Success) is { } link
            ? new Uri(link.Groups[1].Value).PathAndQuery
            : null;

    /// <summary>Creates the administrator through the setup form; the client keeps the signed-in cookie.</summary>
    public static async Task CreateAdministratorAsync(this HttpClient client, string setupPath, string userName, string password)
    {
        var response = await client.PostFormAsync(setupPath, "setup", new()
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password, ["Input.Confirm"] = password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Setup answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"Open (\S+/setup/[A-Za-z0-9_-]+) once")]
    private static partial Regex SetupLinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
