using System.Globalization;
using Studio.Ml.Features;

namespace Studio.Benchmarks.Bank;

/// <summary>
/// A small reader for UCI Bank Marketing's bank-full.csv (';'-separated, quoted strings, no embedded separators).
/// Drops <c>duration</c> (known only after the call: it leaks the label) and reads pdays = -1 ("never contacted")
/// as missing, so the encoder adds a missing indicator instead of treating -1 as a small number of days.
/// </summary>
internal static class BankCsv
{
    public static readonly string[] Categorical = ["job", "marital", "education", "default", "housing", "loan", "contact", "month", "poutcome"];
    public static readonly string[] Numeric = ["age", "balance", "day", "campaign", "pdays", "previous"];
    public const string Target = "y";

    /// <summary>Engineered: the call's calendar date (month and day); campaigns ran on particular dates.</summary>
    public const string MonthDay = "month_day";

    /// <summary>Small-integer numerics also offered as categoricals ("age_value", …), one embedding per exact value.</summary>
    public static readonly string[] ExactValues = ["age", "day", "campaign", "previous"];

    public static FeatureTable Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToArray();
        int Column(string name) => Array.IndexOf(header, name);
        var categorical = Categorical.Append(Target).ToDictionary(c => c, c => rows.Select(r => (string?)r[Column(c)]).ToArray());
        categorical[MonthDay] = rows.Select(r => (string?)$"{r[Column("month")]}-{r[Column("day")]}").ToArray();
        foreach (var column in ExactValues)
        {
            categorical[column + "_value"] = rows.Select(r => (string?)r[Column(column)]).ToArray();
        }

        var numeric = Numeric.ToDictionary(c => c, c => rows.Select(r => Parse(c, r[Column(c)])).ToArray());
        return new FeatureTable(categorical, numeric);
    }

    private static double? Parse(string column, string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);
        return column == "pdays" && value < 0 ? null : value;
    }

    private static string[] Split(string line) => line.Split(';').Select(f => f.Trim('"')).ToArray();
}
