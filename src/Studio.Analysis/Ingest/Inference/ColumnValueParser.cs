using Studio.Core.Datasets;

namespace Studio.Analysis.Ingest.Inference;

public enum ParseOutcome
{
    Value,
    Missing,
    /// <summary>NaN or an infinity in a decimal column: stored as missing, counted as a warning.</summary>
    NonFinite,
    /// <summary>A date in another format than the column's main one (still stored).</summary>
    OtherDateFormat,
    Unparseable,
}

/// <summary>Turns one column's raw text into the typed value stored in SQLite.</summary>
public sealed class ColumnValueParser
{
    private readonly ColumnType _type;
    private readonly NumberFormat _numbers;
    private readonly DateFamily _dates;
    private readonly DateFamily[] _fallbackDates;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _pool;
    private readonly Dictionary<string, string> _poolStore = new(StringComparer.Ordinal);

    public ColumnValueParser(ColumnType type, NumberFormat numbers, DateFamily dates)
    {
        _type = type;
        _numbers = numbers;
        _dates = dates == DateFamily.None ? DateFamily.Iso : dates;
        _fallbackDates = [.. ((DateFamily[])[DateFamily.Iso, DateFamily.DayFirst, DateFamily.MonthFirst])
            .Where(f => f != _dates && !(f == DateFamily.MonthFirst && _dates == DateFamily.DayFirst)
                        && !(f == DateFamily.DayFirst && _dates == DateFamily.MonthFirst))];
        _pool = _poolStore.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Identifiers repeat too (a customer has many events); past this many distinct values new ones are not pooled.</summary>
    public const int MaxPooled = 1_000_000;

    public ColumnType Type => _type;

    public ParseOutcome Parse(ReadOnlySpan<char> raw, out object? value)
    {
        value = null;
        if (MissingValues.IsMissing(raw)) return ParseOutcome.Missing;
        switch (_type)
        {
            case ColumnType.Integer:
                if (NumberFormats.TryParseInteger(raw, _numbers, out var integer)) { value = integer; return ParseOutcome.Value; }
                return ParseOutcome.Unparseable;
            case ColumnType.Decimal:
                if (NumberFormats.TryParseDecimal(raw, _numbers, out var number)) { value = number; return ParseOutcome.Value; }
                return MissingValues.IsNonFinite(raw) ? ParseOutcome.NonFinite : ParseOutcome.Unparseable;
            case ColumnType.Boolean:
                return ParseBoolean(raw.Trim(), out value);
            case ColumnType.DateTime:
                return ParseDate(raw, out value);
            case ColumnType.Categorical or ColumnType.Identifier:
                value = Pooled(raw);
                return ParseOutcome.Value;
            default:
                value = raw.ToString();
                return ParseOutcome.Value;
        }
    }

    private ParseOutcome ParseDate(ReadOnlySpan<char> raw, out object? value)
    {
        value = null;
        if (DateFormats.TryParse(raw, _dates, out var date)) { value = date; return ParseOutcome.Value; }
        foreach (var family in _fallbackDates)
            if (DateFormats.TryParse(raw, family, out date)) { value = date; return ParseOutcome.OtherDateFormat; }
        return ParseOutcome.Unparseable;
    }

    private static ParseOutcome ParseBoolean(ReadOnlySpan<char> v, out object? value)
    {
        value = null;
        if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || v.Equals("y", StringComparison.OrdinalIgnoreCase) || v.Equals("t", StringComparison.OrdinalIgnoreCase) || v.SequenceEqual("1"))
            value = true;
        else if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("no", StringComparison.OrdinalIgnoreCase)
            || v.Equals("n", StringComparison.OrdinalIgnoreCase) || v.Equals("f", StringComparison.OrdinalIgnoreCase) || v.SequenceEqual("0"))
            value = false;
        return value is null ? ParseOutcome.Unparseable : ParseOutcome.Value;
    }

    /// <summary>Categories and keys repeat; one string per distinct value keeps a million-row import from allocating a million strings.</summary>
    private string Pooled(ReadOnlySpan<char> raw)
    {
        if (_pool.TryGetValue(raw, out var pooled)) return pooled;
        var created = raw.ToString();
        if (_poolStore.Count < MaxPooled) _poolStore[created] = created;
        return created;
    }
}
