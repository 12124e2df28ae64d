using System.Text.Json;
using System.Text.Json.Serialization;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Web.Api;

/// <summary>
/// Reads a request body with strict JSON binding: an unknown member (a misspelt or unsupported option) is refused, never
/// ignored. Failures become 400 validation problems keyed by the JSON path of the offending field.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonSerializerOptions Options = new(ExperimentJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType()) return (null, Problem([("body", "Send the request as application/json.")]));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, ct);
            return value is null ? (null, Problem([("body", "The request body is empty.")])) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "body" : e.Path.TrimStart('$', '.');
            var message = e.Message.Split(" Path:", 2)[0];
            return (null, Problem([(field.Length == 0 ? "body" : field, message)]));
        }
    }

    public static IResult Problem(IReadOnlyList<(string Field, string Message)> problems) =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: string.Join(" ", problems.Select(p => $"{p.Field}: {p.Message}")),
            title: "The request is invalid");
}
