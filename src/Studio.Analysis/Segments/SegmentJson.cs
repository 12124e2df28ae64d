using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studio.Analysis.Segments;

/// <summary>The JSON form of segment definitions (stored in <c>Segment.DefinitionJson</c> and used by the API).</summary>
public static class SegmentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>The rule definition stored with a rule segment, or null for other sources or unreadable JSON.</summary>
    public static SegmentDefinition? TryReadDefinition(string json)
    {
        try
        {
            return Deserialize<SegmentDefinition>(json) is { Rules: not null } definition ? definition : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How a k-means segment was made (stored as its definition).</summary>
public sealed record KMeansDefinition(string Source, int K, int Cluster, int Seed, double Inertia, double Silhouette);
