using System.Text.Json;
using System.Text.Json.Serialization;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>
/// Serializer options for readouts over HTTP or in reports. Statistics can be undefined (a relative lift over a zero
/// control, the p-value of a constant metric) or infinite (the df of a z statistic); JSON numbers cannot hold those,
/// and a string "NaN" would break clients that expect numbers, so every non-finite number is written as null.
/// Enums are written by name.
/// </summary>
public static class ExperimentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new FiniteDoubleConverter() },
        WriteIndented = false,
    };

    /// <summary>Writes NaN and ±Infinity as null and reads null back as NaN.</summary>
    public sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
