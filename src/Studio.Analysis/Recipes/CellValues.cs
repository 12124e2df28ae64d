using System.Globalization;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>Conversions between typed cells and text, all culture-invariant (recipes are data, not display).</summary>
internal static class CellValues
{
    public static bool IsNumeric(ColumnType type) => type is ColumnType.Integer or ColumnType.Decimal;

    public static double? AsDouble(object? value) => value switch
    {
        long l => l,
        double d when double.IsFinite(d) => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    public static string? AsText(object? value) => value switch
    {
        null => null,
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Parses text as a cell of <paramref name="type"/>; false when it does not convert.</summary>
    public static bool TryParse(string? text, ColumnType type, out object? value)
    {
        value = null;
        if (text is null) return true;
        var t = text.Trim();
        switch (type)
        {
            case ColumnType.Integer:
                if (long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) { value = l; return true; }
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var whole) && whole == Math.Floor(whole)
                    && Math.Abs(whole) < 9e15) { value = (long)whole; return true; }
                return false;
            case ColumnType.Decimal:
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) { value = d; return true; }
                return false;
            case ColumnType.Boolean:
                switch (t.ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "y" or "t": value = true; return true;
                    case "false" or "0" or "no" or "n" or "f": value = false; return true;
                    default: return false;
                }
            case ColumnType.DateTime:
                if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
                {
                    value = when.ToUniversalTime();
                    return true;
                }
                return false;
            default:
                value = text;
                return true;
        }
    }

    public static object? Convert(object? value, ColumnType type, out bool failed)
    {
        failed = false;
        if (value is null) return null;
        if (type is ColumnType.Decimal && value is long l) return (double)l;
        if (type is ColumnType.Integer or ColumnType.Boolean && value is bool b) return type == ColumnType.Integer ? (b ? 1L : 0L) : b;
        if (TryParse(AsText(value), type, out var converted)) return converted;
        failed = true;
        return null;
    }

    /// <summary>Integer columns stay integer when every new value is whole; otherwise they become decimal.</summary>
    public static ColumnType NumericTypeAfter(ColumnType type, IEnumerable<double> written) =>
        type == ColumnType.Integer && written.Any(x => x != Math.Floor(x)) ? ColumnType.Decimal : type;

    public static object Numeric(double value, ColumnType type) => type == ColumnType.Integer ? (object)(long)value : value;

    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (long x, long y) => x.CompareTo(y),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ when AsDouble(a) is { } x && AsDouble(b) is { } y => x.CompareTo(y),
        _ => string.CompareOrdinal(AsText(a), AsText(b)),
    };
}
