using System.Globalization;
using System.Runtime.CompilerServices;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>
/// Parses one column's cells during an import and keeps its counts and first issues. A column whose type was inferred
/// from the sample is re-typed when a later value does not fit (integer → decimal in place; anything → text, which needs
/// another pass because earlier values were already converted); a column whose type the analyst chose never is.
/// </summary>
internal sealed class ColumnAccumulator(int ordinal, InferredColumn inferred, ColumnValueParser parser, int maxIssues,
    bool chosenByAnalyst, TypeChange? knownChange)
{
    private readonly List<CellIssue> _issues = [];
    private readonly DistinctCounter _distinct = new();
    private ColumnValueParser _parser = parser;
    private long _missing, _unparseable, _nonFinite, _otherDateFormat;

    public string Name => inferred.Name;
    public int Ordinal => ordinal;
    public ColumnType Type => _parser.Type;
    public bool ChosenByAnalyst => chosenByAnalyst;
    /// <summary>The first value that did not fit the inferred type, and what the column became because of it.</summary>
    public TypeChange? Change { get; private set; } = knownChange;
    /// <summary>Set when a value fits neither the inferred type nor decimal: the import is repeated with this column as text.</summary>
    public bool NeedsAnotherPass { get; private set; }
    public long UnparseableCount => _unparseable;
    /// <summary>Exact up to <see cref="DistinctCounter.ExactLimit"/>, then estimated within about 1%.</summary>
    public long DistinctCount => _distinct.Count;
    public long MissingCount => _missing + _unparseable + _nonFinite;

    /// <summary>Whether the cell is missing or parses as the column's type, writing nothing (for rejecting rows first).</summary>
    public bool Fits(ReadOnlySpan<char> raw) => _parser.Fits(raw);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(ReadOnlySpan<char> raw, long line, IRowSink sink)
    {
        switch (_parser.Parse(raw, ordinal, sink))
        {
            case ParseOutcome.Value when !chosenByAnalyst && _parser.Type is ColumnType.Integer or ColumnType.Decimal
                                         && NumberFormats.HasLeadingZero(raw):
                Retype(raw, line, sink);
                break;
            case ParseOutcome.Missing:
                _missing++;
                return;
            case ParseOutcome.NonFinite:
                _nonFinite++;
                Record(raw, line, CellIssueKind.NonFinite);
                return;
            case ParseOutcome.Unparseable when !chosenByAnalyst:
                Retype(raw, line, sink);
                break;
            case ParseOutcome.Unparseable:
                _unparseable++;
                Record(raw, line, CellIssueKind.Unparseable);
                return;
            case ParseOutcome.OtherDateFormat:
                _otherDateFormat++;
                Record(raw, line, CellIssueKind.OtherDateFormat);
                break;
        }
        _distinct.Add(Hash(raw.Trim()));
    }

    /// <summary>integer → decimal keeps every stored value (SQLite reads an integer as a real); any other widening is to text.</summary>
    private void Retype(ReadOnlySpan<char> raw, long line, IRowSink sink)
    {
        var from = Change?.From ?? _parser.Type;
        var decimalParser = _parser.As(ColumnType.Decimal);
        if (_parser.Type == ColumnType.Integer && LooksFractional(raw) && !NumberFormats.HasLeadingZero(raw) && decimalParser.Parse(raw, ordinal, sink) == ParseOutcome.Value)
        {
            _parser = decimalParser;
            Change = new TypeChange(from, ColumnType.Decimal, line, raw.ToString());
            return;
        }
        _parser = _parser.As(ColumnType.Text);
        _parser.Parse(raw, ordinal, sink);
        Change = new TypeChange(from, ColumnType.Text, line, raw.ToString());
        NeedsAnotherPass = true;
    }

    /// <summary>A decimal mark or exponent: "29.99" widens to decimal, a 25-digit code does not (it would lose digits).</summary>
    private bool LooksFractional(ReadOnlySpan<char> raw) =>
        raw.IndexOfAny(_parser.Numbers == NumberFormat.CommaDecimal ? ",eE" : ".eE") >= 0;

    public ColumnImportReport ToReport(int sampledRows, long rows) => new(ordinal, inferred.Name, _parser.Type, inferred, MissingCount,
        _unparseable, _nonFinite, _otherDateFormat, _issues.ToArray())
    {
        TypeReason = TypeReason(sampledRows, rows),
        RetypedFrom = Change?.From,
        ChosenByAnalyst = chosenByAnalyst,
    };

    private string TypeReason(int sampledRows, long rows)
    {
        var inferredAs = string.Create(CultureInfo.InvariantCulture,
            $"{inferred.Type} from the first {sampledRows:N0} rows ({inferred.Reason})");
        if (chosenByAnalyst) return $"chosen by the analyst; inferred {inferredAs}.";
        if (Change is not null) return $"{ChangeReason()}; inferred {inferredAs}.";
        return string.Create(CultureInfo.InvariantCulture, $"inferred from the first {sampledRows:N0} rows ({inferred.Reason}); all {rows:N0} rows fit.");
    }

    private string ChangeReason() => Change is not { } change ? "" : string.Create(CultureInfo.InvariantCulture,
        $"re-typed {change.From} → {change.To}: line {change.Line} has '{Shorten(change.Value)}', which is not {Article(change.From)}");

    private static string Article(ColumnType type) => type switch
    {
        ColumnType.Integer => "a whole number",
        ColumnType.Decimal => "a number",
        ColumnType.Boolean => "a boolean",
        ColumnType.DateTime => "a date",
        _ => type.ToString(),
    };

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    public IEnumerable<string> Warnings(BadValuePolicy policy)
    {
        if (_unparseable > 0)
            yield return $"Column '{Name}': {_unparseable:N0} value(s) do not parse as {_parser.Type}" +
                         (policy == BadValuePolicy.StoreAsMissing ? " and are stored as missing, as chosen" : "") +
                         $" (lines {Lines(CellIssueKind.Unparseable)}).";
        if (_nonFinite > 0)
            yield return $"Column '{Name}': {_nonFinite:N0} NaN/Infinity value(s) are stored as missing (lines {Lines(CellIssueKind.NonFinite)}).";
        if (_otherDateFormat > 0)
            yield return $"Column '{Name}': dates in mixed formats; {_otherDateFormat:N0} value(s) differ from " +
                         $"{DateFormats.Describe(inferred.DateFamily == DateFamily.None ? DateFamily.Iso : inferred.DateFamily)} " +
                         $"(lines {Lines(CellIssueKind.OtherDateFormat)}).";
        if (Change is not null) yield return $"Column '{Name}': {ChangeReason()}.";
    }

    /// <summary>The first unparseable cells as "line N ('value')", for an error message.</summary>
    public string Examples(int count) => string.Join(", ", _issues.Where(i => i.Kind == CellIssueKind.Unparseable).Take(count)
        .Select(i => $"line {i.Line} ('{Shorten(i.Value)}')"));

    private string Lines(CellIssueKind kind)
    {
        var lines = _issues.Where(i => i.Kind == kind).Select(i => i.Line).Take(10).ToList();
        var total = kind switch
        {
            CellIssueKind.Unparseable => _unparseable,
            CellIssueKind.NonFinite => _nonFinite,
            _ => _otherDateFormat,
        };
        return string.Join(", ", lines) + (total > lines.Count ? ", …" : "");
    }

    private void Record(ReadOnlySpan<char> raw, long line, CellIssueKind kind)
    {
        if (_issues.Count < maxIssues) _issues.Add(new CellIssue(line, inferred.Name, raw.ToString(), kind));
    }

    /// <summary>64-bit XXH3 of the characters: fast, and collisions are negligible for millions of distinct values.</summary>
    private static ulong Hash(ReadOnlySpan<char> value) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value));
}

/// <summary>A column re-typed during import: from the inferred type to a wider one, because of the value on a line.</summary>
public sealed record TypeChange(ColumnType From, ColumnType To, long Line, string Value);
