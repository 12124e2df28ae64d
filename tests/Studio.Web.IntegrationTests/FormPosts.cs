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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
