using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studio.Ml.Service;

/// <summary>One JSON shape for specs, metrics and predictions the service stores (NaN allowed: an AUC can be undefined).</summary>
public static class ServiceJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Empty JSON for {typeof(T).Name}.");

    public static IReadOnlyDictionary<string, double> Metrics(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, double>() : Deserialize<Dictionary<string, double>>(json);
}
