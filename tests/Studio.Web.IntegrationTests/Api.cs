using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studio.Web.IntegrationTests;

/// <summary>Small helpers over the HTTP API used by several tests.</summary>
internal static class Api
{
    public const int DemoWorkspaceId = 1;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string fileName, byte[] content, int? workspaceId = null)
    {
        var workspace = workspaceId is { } w ? $"&workspaceId={w}" : "";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new("application/octet-stream");
        return await http.PostAsync($"api/uploads?fileName={Uri.EscapeDataString(fileName)}{workspace}", body);
    }

    public static async Task<string> UploadIdAsync(HttpClient http, string fileName, byte[] content, int? workspaceId = null)
    {
        using var response = await UploadAsync(http, fileName, content, workspaceId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["uploadId"]!;
    }

    /// <summary>Imports an upload and waits for the job; returns the new dataset's id.</summary>
    public static async Task<int> ImportAsync(HttpClient http, string uploadId, string name, string role, bool keepUpload = false)
    {
        using var started = await http.PostAsJsonAsync($"api/workspaces/{DemoWorkspaceId}/datasets", new { uploadId, name, role, keepUpload });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobUrl = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["statusUrl"]!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = (await http.GetFromJsonAsync<JsonObject>(jobUrl.TrimStart('/')))!;
            var status = (string)job["status"]!;
            if (status == "Succeeded") return (int)JsonNode.Parse((string)job["resultJson"]!)!["datasetId"]!;
            if (status is "Failed" or "Cancelled") throw new InvalidOperationException($"Import {status}: {job["error"]}");
            await Task.Delay(100);
        }
        throw new TimeoutException("The import did not finish in 60 s.");
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
