using System.Runtime.CompilerServices;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Studio.Analysis.Ingest.Inference;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>Parses one column's cells during an import and keeps its counts and first issues.</summary>
internal sealed class ColumnAccumulator(int ordinal, InferredColumn inferred, ColumnValueParser parser, int maxIssues)
{
    private readonly List<CellIssue> _issues = [];
    private readonly DistinctCounter _distinct = new();
    private long _missing, _unparseable, _nonFinite, _otherDateFormat;

    public string Name => inferred.Name;
    public Studio.Core.Datasets.ColumnType Type => parser.Type;
    /// <summary>Exact up to <see cref="DistinctCounter.ExactLimit"/>, then estimated within about 1%.</summary>
    public long DistinctCount => _distinct.Count;
    public long MissingCount => _missing + _unparseable + _nonFinite;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(ReadOnlySpan<char> raw, long line, IRowSink sink)
    {
        switch (parser.Parse(raw, ordinal, sink))
        {
            case ParseOutcome.Missing:
                _missing++;
                return;
            case ParseOutcome.NonFinite:
                _nonFinite++;
                Record(raw, line, CellIssueKind.NonFinite);
                return;
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

    public ColumnImportReport ToReport() => new(ordinal, inferred.Name, parser.Type, inferred, MissingCount,
        _unparseable, _nonFinite, _otherDateFormat, _issues.ToArray());

    public IEnumerable<string> Warnings()
    {
        if (_unparseable > 0)
            yield return $"Column '{Name}': {_unparseable:N0} value(s) do not parse as {parser.Type} and are stored as missing " +
                         $"(lines {Lines(CellIssueKind.Unparseable)}).";
        if (_nonFinite > 0)
            yield return $"Column '{Name}': {_nonFinite:N0} NaN/Infinity value(s) are stored as missing (lines {Lines(CellIssueKind.NonFinite)}).";
        if (_otherDateFormat > 0)
            yield return $"Column '{Name}': dates in mixed formats; {_otherDateFormat:N0} value(s) differ from " +
                         $"{DateFormats.Describe(inferred.DateFamily == DateFamily.None ? DateFamily.Iso : inferred.DateFamily)} " +
                         $"(lines {Lines(CellIssueKind.OtherDateFormat)}).";
    }

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
