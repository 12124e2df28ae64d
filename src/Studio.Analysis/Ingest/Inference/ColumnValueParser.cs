using System.Runtime.CompilerServices;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

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

/// <summary>Turns one column's raw text into the typed value stored in SQLite, without boxing or allocating.</summary>
public sealed class ColumnValueParser
{
    private readonly ColumnType _type;
    private readonly NumberFormat _numbers;
    private readonly DateFamily _dates;
    private readonly DateFamily[] _fallbackDates;
    private readonly MissingValues _missing;

    public ColumnValueParser(ColumnType type, NumberFormat numbers, DateFamily dates, MissingValues? missing = null)
    {
        _type = type;
        _missing = missing ?? MissingValues.Default;
        _numbers = numbers;
        _dates = dates == DateFamily.None ? DateFamily.Iso : dates;
        _fallbackDates = [.. ((DateFamily[])[DateFamily.Iso, DateFamily.DayFirst, DateFamily.MonthFirst])
            .Where(f => f != _dates && !(f == DateFamily.MonthFirst && _dates == DateFamily.DayFirst)
                        && !(f == DateFamily.DayFirst && _dates == DateFamily.MonthFirst))];
    }

    public ColumnType Type => _type;
    public NumberFormat Numbers => _numbers;

    /// <summary>The same column read as another type (a re-typing during import).</summary>
    public ColumnValueParser As(ColumnType type) => new(type, _numbers, _dates, _missing);

    /// <summary>Whether the cell is missing or parses as this column's type (no value is written anywhere).</summary>
    public bool Fits(ReadOnlySpan<char> raw) => Parse(raw, 0, NullRowSink.Instance) is not ParseOutcome.Unparseable;

    /// <summary>Parses one cell and hands the typed value (or NULL) to <paramref name="sink"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ParseOutcome Parse(ReadOnlySpan<char> raw, int column, IRowSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var outcome = _missing.IsMissing(raw) ? ParseOutcome.Missing : ParseValue(raw, column, sink);
        if (outcome is not (ParseOutcome.Value or ParseOutcome.OtherDateFormat)) sink.Null(column);
        return outcome;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ParseOutcome ParseValue(ReadOnlySpan<char> raw, int column, IRowSink sink)
    {
        switch (_type)
        {
            case ColumnType.Integer:
                if (!NumberFormats.TryParseInteger(raw, _numbers, out var integer)) return ParseOutcome.Unparseable;
                sink.Integer(column, integer);
                return ParseOutcome.Value;
            case ColumnType.Decimal:
                if (!NumberFormats.TryParseDecimal(raw, _numbers, out var number))
                    return MissingValues.IsNonFinite(raw) ? ParseOutcome.NonFinite : ParseOutcome.Unparseable;
                sink.Real(column, number);
                return ParseOutcome.Value;
            case ColumnType.Boolean:
                if (ParseBoolean(raw.Trim()) is not { } flag) return ParseOutcome.Unparseable;
                sink.Integer(column, flag ? 1 : 0);
                return ParseOutcome.Value;
            case ColumnType.DateTime:
                if (DateFormats.TryParse(raw, _dates, out var date))
                {
                    sink.Utc(column, date.UtcDateTime);
                    return ParseOutcome.Value;
                }
                foreach (var family in _fallbackDates)
                {
                    if (!DateFormats.TryParse(raw, family, out date)) continue;
                    sink.Utc(column, date.UtcDateTime);
                    return ParseOutcome.OtherDateFormat;
                }
                return ParseOutcome.Unparseable;
            default:
                sink.Text(column, raw);
                return ParseOutcome.Value;
        }
    }

    private static bool? ParseBoolean(ReadOnlySpan<char> v)
    {
        if (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || v.Equals("y", StringComparison.OrdinalIgnoreCase) || v.Equals("t", StringComparison.OrdinalIgnoreCase) || v.SequenceEqual("1"))
            return true;
        if (v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("no", StringComparison.OrdinalIgnoreCase)
            || v.Equals("n", StringComparison.OrdinalIgnoreCase) || v.Equals("f", StringComparison.OrdinalIgnoreCase) || v.SequenceEqual("0"))
            return false;
        return null;
    }
}
