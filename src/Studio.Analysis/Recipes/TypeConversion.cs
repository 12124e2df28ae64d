using System.Globalization;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>One cell's conversion for a change-type step; <c>failed</c> is set when the value does not convert.</summary>
internal delegate object? CellConversion(object? value, out bool failed);

/// <summary>The conversion rules of <see cref="ChangeTypeStep"/>, checked before any row is touched.</summary>
internal static class TypeConversion
{
    /// <exception cref="RecipeException">The rule does not go with the target type, or its format or culture is invalid.</exception>
    public static CellConversion For(ChangeTypeStep step)
    {
        switch (step.Rule)
        {
            case ConversionRule.Default:
                return (object? value, out bool failed) => CellValues.Convert(value, step.Type, out failed);
            case ConversionRule.UnixSeconds or ConversionRule.UnixMilliseconds:
                NeedTarget(step, ColumnType.DateTime);
                var perSecond = step.Rule == ConversionRule.UnixSeconds ? 1000.0 : 1.0;
                return (object? value, out bool failed) => Convert(value, out failed, text => FromUnix(text, perSecond));
            case ConversionRule.DateFormat:
                NeedTarget(step, ColumnType.DateTime);
                var format = string.IsNullOrWhiteSpace(step.Format) ? throw new RecipeException("A date format is needed, e.g. dd.MM.yyyy HH:mm.") : step.Format;
                if (!IsValidFormat(format)) throw new RecipeException($"\"{format}\" is not a date format .NET understands (e.g. dd.MM.yyyy HH:mm).");
                return (object? value, out bool failed) => Convert(value, out failed, text =>
                    DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when) ? when : null);
            case ConversionRule.Locale:
                if (step.Type is not (ColumnType.Integer or ColumnType.Decimal))
                    throw new RecipeException($"A locale's decimal mark converts to Integer or Decimal, not {step.Type}.");
                var culture = Culture(step.Format);
                return (object? value, out bool failed) => Convert(value, out failed, text =>
                    !double.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, culture, out var x) || !double.IsFinite(x) ? null
                    : step.Type == ColumnType.Decimal ? x
                    : x == Math.Floor(x) && Math.Abs(x) < 9e15 ? (long)x : null);
            default:
                throw new RecipeException($"Unknown conversion rule {step.Rule}.");
        }
    }

    public static string Describe(ChangeTypeStep step) => step.Rule switch
    {
        ConversionRule.UnixSeconds => " from Unix seconds",
        ConversionRule.UnixMilliseconds => " from Unix milliseconds",
        ConversionRule.DateFormat => $" by the date format {step.Format}",
        ConversionRule.Locale => $" with the number format of {step.Format}",
        _ => "",
    };

    private static object? Convert(object? value, out bool failed, Func<string, object?> parse)
    {
        failed = false;
        if (value is null) return null;
        var converted = parse(CellValues.AsText(value)!.Trim());
        failed = converted is null;
        return converted;
    }

    private static object? FromUnix(string text, double millisecondsPerUnit)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var units) || !double.IsFinite(units)) return null;
        var milliseconds = Math.Round(units * millisecondsPerUnit);
        const double limit = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
        if (milliseconds is < -62_135_596_800_000 or > limit) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    private static void NeedTarget(ChangeTypeStep step, ColumnType type)
    {
        if (step.Type != type) throw new RecipeException($"The {step.Rule} rule converts to {type}, not {step.Type}.");
    }

    private static bool IsValidFormat(string format)
    {
        try
        {
            _ = DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static CultureInfo Culture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new RecipeException("Name the locale whose decimal mark the numbers use, e.g. de-DE or fr-FR.");
        try
        {
            return CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new RecipeException($"\"{name}\" is not a known locale (use a name like de-DE, fr-FR, en-US).");
        }
    }
}
