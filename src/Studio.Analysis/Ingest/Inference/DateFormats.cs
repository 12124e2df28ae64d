using System.Globalization;

namespace Studio.Analysis.Ingest.Inference;

/// <summary>Families of date-time spellings; day-first and month-first are told apart by the data.</summary>
public enum DateFamily
{
    None,
    /// <summary>ISO 8601: 2024-03-15, 2024-03-15T10:30:00Z, 2024-03-15 10:30:00+08:00</summary>
    Iso,
    /// <summary>15/03/2024, 15.03.2024, 15-03-2024 (optionally with a time)</summary>
    DayFirst,
    /// <summary>03/15/2024 (optionally with a time)</summary>
    MonthFirst,
}

public static class DateFormats
{
    private static readonly string[] Times = ["", " HH:mm", " HH:mm:ss", " H:mm", " H:mm:ss", " HH:mm:ss.FFFFFFF"];

    private static readonly string[] IsoFormats = Expand(["yyyy-MM-dd", "yyyy/MM/dd"],
        ["", "THH:mm", "THH:mm:ss", "THH:mm:ss.FFFFFFF", " HH:mm", " HH:mm:ss", " HH:mm:ss.FFFFFFF"], zones: true);
    private static readonly string[] DayFirstFormats = Expand(["dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd-MM-yyyy"], Times, zones: false);
    private static readonly string[] MonthFirstFormats = Expand(["MM/dd/yyyy", "M/d/yyyy"], Times, zones: false);

    public static string Describe(DateFamily family) => family switch
    {
        DateFamily.Iso => "ISO 8601 (yyyy-MM-dd[THH:mm:ss][zone])",
        DateFamily.DayFirst => "day first (dd/MM/yyyy)",
        DateFamily.MonthFirst => "month first (MM/dd/yyyy)",
        _ => "none",
    };

    /// <summary>Values without a zone are taken as UTC; values with one are converted to UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, DateFamily family, out DateTimeOffset result)
    {
        var formats = family switch
        {
            DateFamily.Iso => IsoFormats,
            DateFamily.DayFirst => DayFirstFormats,
            DateFamily.MonthFirst => MonthFirstFormats,
            _ => [],
        };
        if (formats.Length == 0)
        {
            result = default;
            return false;
        }
        value = value.Trim();
        if (family == DateFamily.Iso && IsoDateParser.TryParse(value, out result)) return true;
        if (!CouldBe(value, family))
        {
            result = default;
            return false;
        }
        return DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);
    }

    /// <summary>
    /// A cheap shape check before <c>TryParseExact</c>, which tries dozens of formats and costs microseconds a value:
    /// every format starts with a digit, and a day-first or month-first date has its first separator at index 1 or 2.
    /// Type inference asks this of every sampled text value, so most values must be refused here.
    /// </summary>
    private static bool CouldBe(ReadOnlySpan<char> value, DateFamily family)
    {
        if (value.Length < 6 || !char.IsAsciiDigit(value[0])) return false;
        var separator = value.IndexOfAnyExceptInRange('0', '9');
        return family == DateFamily.Iso ? separator == 4 : separator is 1 or 2;
    }

    /// <summary>Families that parse the value, in order of preference.</summary>
    public static IEnumerable<DateFamily> FamiliesOf(string value)
    {
        foreach (var family in (DateFamily[])[DateFamily.Iso, DateFamily.DayFirst, DateFamily.MonthFirst])
            if (TryParse(value, family, out _)) yield return family;
    }

    private static string[] Expand(string[] dates, string[] times, bool zones)
    {
        var formats = from d in dates from t in times from z in zones && t.Length > 0 ? new[] { "", "K", "zzz" } : [""]
                      select d + t + z;
        return [.. formats];
    }
}
