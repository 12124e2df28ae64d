using System.Text.RegularExpressions;
using Studio.Core.Datasets;

namespace Studio.Analysis.Ingest.Inference;

/// <summary>What the sample says about one column; the analyst may override <see cref="Type"/>.</summary>
public sealed record InferredColumn(
    string Name,
    ColumnType Type,
    NumberFormat NumberFormat,
    DateFamily DateFamily,
    string Reason,
    IReadOnlyList<string> Notes);

/// <summary>
/// Infers a column's type from sampled values. A parse-based type (boolean, integer, decimal, date-time) needs every
/// non-missing sampled value to parse: a value that does not fit would only make the import re-type the column.
/// </summary>
public static partial class ColumnTypeInference
{
    public const double ParseShare = 1.0;
    public const int MaxCategories = 50;

    private static readonly string[][] BooleanPairs = [["true", "false"], ["yes", "no"], ["y", "n"], ["t", "f"]];

    public static InferredColumn Infer(string name, IReadOnlyList<string> values, char delimiter, MissingValues? missing = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        missing ??= MissingValues.Default;
        var present = values.Where(v => !missing.IsMissing(v)).Select(v => v.Trim()).ToList();
        var notes = new List<string>();
        if (present.Count == 0)
            return new(name, ColumnType.Text, NumberFormat.Plain, DateFamily.None, "every sampled value is missing", notes);

        var n = (double)present.Count;
        var format = NumberFormats.Detect(present, delimiter);
        if (format != NumberFormat.Plain) notes.Add("Numbers use " + NumberFormats.Describe(format) + ".");
        var codes = present.Count(v => NumberFormats.HasLeadingZero(v));
        var integers = codes > 0 ? 0 : present.Count(v => NumberFormats.TryParseInteger(v, format, out _));
        var finite = codes > 0 ? 0 : present.Count(v => NumberFormats.TryParseDecimal(v, format, out _));
        if (codes > 0) notes.Add($"{codes} sampled value(s) have leading zeros (like '{present.First(v => NumberFormats.HasLeadingZero(v))}'); read as codes, not numbers.");
        var nonFinite = present.Count(v => MissingValues.IsNonFinite(v));
        var distinct = present.Distinct(StringComparer.Ordinal).Count();
        var idName = LooksLikeIdentifierName(name);

        if (IsBoolean(name, present))
            return new(name, ColumnType.Boolean, format, DateFamily.None, "only boolean spellings", notes);
        if (integers >= n * ParseShare && nonFinite == 0)
            return idName
                ? new(name, ColumnType.Identifier, format, DateFamily.None, "whole numbers named like an identifier", notes)
                : new(name, ColumnType.Integer, format, DateFamily.None, Share(integers, n) + " parse as whole numbers", notes);
        if (finite + nonFinite >= n * ParseShare && finite > 0)
        {
            if (nonFinite > 0) notes.Add($"{nonFinite} sampled value(s) are NaN or Infinity; they are stored as missing.");
            return new(name, ColumnType.Decimal, format, DateFamily.None, Share(finite + nonFinite, n) + " parse as numbers", notes);
        }

        var date = InferDateFamily(present, notes);
        if (date.Family != DateFamily.None && date.AnyFamily >= n * ParseShare)
            return new(name, ColumnType.DateTime, format, date.Family,
                Share(date.AnyFamily, n) + " parse as dates, mostly " + DateFormats.Describe(date.Family), notes);

        var ratio = distinct / n;
        if (idName)
            return new(name, ColumnType.Identifier, format, DateFamily.None, "named like an identifier", notes);
        if ((distinct <= MaxCategories && ratio <= 0.5) || ratio <= 0.05)
            return new(name, ColumnType.Categorical, format, DateFamily.None, $"{distinct} distinct values in {present.Count} sampled", notes);
        var tokenLike = present.All(v => v.Length <= 64 && !v.Any(char.IsWhiteSpace));
        if (tokenLike && (ratio >= 0.5 || distinct > 500))
            return new(name, ColumnType.Identifier, format, DateFamily.None, $"{distinct} distinct codes in {present.Count} sampled", notes);
        return new(name, ColumnType.Text, format, DateFamily.None, $"free text ({distinct} distinct in {present.Count} sampled)", notes);
    }

    public static bool LooksLikeIdentifierName(string name) => IdentifierName().IsMatch(name);

    private static string Share(double count, double n) => $"{count / n:P0}";

    private static bool IsBoolean(string name, List<string> present)
    {
        var set = present.Select(v => v.ToLowerInvariant()).ToHashSet();
        if (set.Count > 2) return false;
        if (BooleanPairs.Any(pair => set.IsSubsetOf(pair))) return true;
        return set.IsSubsetOf(["0", "1"]) && FlagName().IsMatch(name);
    }

    /// <summary>The date family most values use, for a column the analyst declares a date-time.</summary>
    public static DateFamily DetectDateFamily(IEnumerable<string> values, MissingValues? missing = null)
    {
        missing ??= MissingValues.Default;
        var present = values.Where(v => !missing.IsMissing(v)).Select(v => v.Trim()).ToList();
        var family = InferDateFamily(present, []).Family;
        return family == DateFamily.None ? DateFamily.Iso : family;
    }

    private static (DateFamily Family, int AnyFamily) InferDateFamily(List<string> present, List<string> notes)
    {
        int iso = 0, dayFirst = 0, monthFirst = 0, any = 0;
        foreach (var v in present)
        {
            var hit = false;
            foreach (var family in DateFormats.FamiliesOf(v))
            {
                hit = true;
                if (family == DateFamily.Iso) iso++;
                else if (family == DateFamily.DayFirst) dayFirst++;
                else monthFirst++;
            }
            if (hit) any++;
        }
        if (any == 0) return (DateFamily.None, 0);
        var slashed = Math.Max(dayFirst, monthFirst);
        if (iso >= slashed) return (DateFamily.Iso, any);
        if (dayFirst == monthFirst)
        {
            notes.Add("Every sampled date reads both day-first and month-first; day-first (dd/MM/yyyy) is assumed. Override if wrong.");
            return (DateFamily.DayFirst, any);
        }
        return (dayFirst > monthFirst ? DateFamily.DayFirst : DateFamily.MonthFirst, any);
    }

    [GeneratedRegex(@"(^(id|ID|Id)$|_(id|ID)$|[a-z](Id|ID)$|^id_|_key$|uuid|guid|_code$|^sku$)", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierName();

    [GeneratedRegex(@"(^(is|has|was|did|can)_|_(flag|yn)$|^flag$|^(churned|converted|treated|active|opted_in)$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlagName();
}
