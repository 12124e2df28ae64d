using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>
/// Serializer options for readouts over HTTP or in reports: statistics legitimately contain NaN (undefined, e.g. a
/// relative lift over a zero control) and +Infinity (the df of a z statistic), which JSON numbers cannot hold, so
/// they are written as the strings "NaN"/"Infinity"; enums are written by name.
/// </summary>
public static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };
}
