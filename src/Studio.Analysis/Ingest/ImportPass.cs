using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>
/// One read of every record of a file: each well-formed line is parsed column by column into the sink; ragged lines and
/// (under <see cref="BadValuePolicy.RejectRow"/>) lines with a value that does not fit its chosen type are left out and
/// written to a rejected-rows file. When a column must be re-typed to text, the rest of the file is still read (so all
/// re-typings are found at once) but nothing more is written: the caller repeats the import with the new types.
/// </summary>
internal sealed class ImportPass(ImportSession session, ColumnAccumulator[] columns, BadValuePolicy policy)
    : IDisposable
{
    private const int ProgressEveryRows = 16_384;
    private const int KeptRejections = 200;

    private readonly List<RejectedRow> _rejections = [];
    private readonly ColumnAccumulator[] _checkedFirst = policy == BadValuePolicy.RejectRow ? [.. columns.Where(c => c.ChosenByAnalyst)] : [];
    private StreamWriter? _rejectedFile;
    private long _raggedLines, _rejectedRows, _lastRejectedLine;

    public ColumnAccumulator[] Columns => columns;
    public long Rows { get; private set; }
    public string? RejectedRowsFile { get; private set; }
    public bool NeedsAnotherPass => columns.Any(c => c.NeedsAnotherPass);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(IRowSink sink, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        foreach (var row in session.TakeSample())
        {
            if (row.RaggedReason is not null) Ragged(row.Line, row.RaggedReason, row.Raw);
            else if (!RejectedFirst(row.Line, row.Fields, row.Raw)) Write(row.Fields, row.Line, ref sink);
        }
        while (session.ReadRemaining())
        {
            var line = session.Line;
            if (session.IsRagged)
            {
                Ragged(line, session.RaggedReason, session.RawRecord);
                continue;
            }
            if (_checkedFirst.Length > 0 && RejectedFirst(line, session))
                continue;
            for (var i = 0; i < columns.Length; i++) columns[i].Accept(session.Field(i), line, sink);
            sink.EndRow();
            if (++Rows % ProgressEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(session.BytesRead, session.TotalBytes, Rows));
                if (NeedsAnotherPass) sink = NullRowSink.Instance;
            }
        }
        _rejectedFile?.Flush();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Write(string[] fields, long line, ref IRowSink sink)
    {
        for (var i = 0; i < columns.Length; i++) columns[i].Accept(fields[i], line, sink);
        sink.EndRow();
        Rows++;
        if (NeedsAnotherPass) sink = NullRowSink.Instance;
    }

    private bool RejectedFirst(long line, string[] fields, string raw)
    {
        var rejected = false;
        foreach (var column in _checkedFirst)
        {
            if (column.Fits(fields[column.Ordinal])) continue;
            Reject(line, column.Name, $"does not parse as {column.Type}", fields[column.Ordinal], raw);
            rejected = true;
        }
        return rejected;
    }

    private bool RejectedFirst(long line, ImportSession current)
    {
        var rejected = false;
        foreach (var column in _checkedFirst)
        {
            var value = current.Field(column.Ordinal);
            if (column.Fits(value)) continue;
            Reject(line, column.Name, $"does not parse as {column.Type}", value.ToString(), current.RawRecord);
            rejected = true;
        }
        return rejected;
    }

    private void Ragged(long line, string reason, string raw)
    {
        _raggedLines++;
        if (policy == BadValuePolicy.RejectRow) Reject(line, null, reason, "", raw);
        else if (_rejections.Count < KeptRejections) _rejections.Add(new RejectedRow(line, null, reason, ""));
    }

    private void Reject(long line, string? column, string reason, string value, string raw)
    {
        if (_lastRejectedLine != line) _rejectedRows++;
        _lastRejectedLine = line;
        if (_rejections.Count < KeptRejections) _rejections.Add(new RejectedRow(line, column, reason, value));
        if (_rejectedFile is null)
        {
            RejectedRowsFile = Path.Combine(Path.GetTempPath(), $"studio-rejected-{Guid.NewGuid():N}.csv");
            _rejectedFile = new StreamWriter(RejectedRowsFile, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            _rejectedFile.WriteLine("line,column,reason,value,record");
        }
        _rejectedFile.WriteLine(string.Join(',', line.ToString(CultureInfo.InvariantCulture), Quote(column ?? ""), Quote(reason),
            Quote(value), Quote(raw)));
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Under <see cref="BadValuePolicy.Fail"/> any value that does not fit a chosen type fails the import, and under any
    /// policy but <see cref="BadValuePolicy.RejectRow"/> so does a ragged line: the message counts and names them all.
    /// </summary>
    public void ThrowIfRefused(ImportReport report)
    {
        var badColumns = policy == BadValuePolicy.Fail ? columns.Where(c => c.UnparseableCount > 0).ToList() : [];
        var ragged = policy == BadValuePolicy.RejectRow ? 0 : _raggedLines;
        if (badColumns.Count == 0 && ragged == 0) return;
        var message = new StringBuilder("Nothing was imported.");
        foreach (var column in badColumns)
            message.Append(CultureInfo.InvariantCulture,
                $" Column '{column.Name}': {column.UnparseableCount:N0} value(s) do not parse as {column.Type} ({column.Examples(5)}{(column.UnparseableCount > 5 ? ", …" : "")}).");
        if (ragged > 0)
        {
            var lines = _rejections.Where(r => r.Column is null).ToList();
            message.Append(CultureInfo.InvariantCulture,
                $" {ragged:N0} line(s) have another number of fields than the header: line {lines[0].Line}: {lines[0].Reason}");
            if (ragged > 1) message.Append(" Other lines: ").AppendJoin(", ", lines.Skip(1).Take(20).Select(r => r.Line)).Append(ragged > 21 ? ", …" : "").Append('.');
        }
        message.Append(" Choose another type, store values that do not fit as missing, or leave the bad lines out (they are listed in a rejected-rows file).");
        var firstLine = Math.Min(badColumns.Select(c => report.Columns[c.Ordinal].Issues.FirstOrDefault(i => i.Kind == CellIssueKind.Unparseable)?.Line ?? long.MaxValue)
            .DefaultIfEmpty(long.MaxValue).Min(), _rejections.FirstOrDefault(r => r.Column is null)?.Line ?? long.MaxValue);
        throw new DataImportException(session.FileName, message.ToString(), firstLine == long.MaxValue ? null : firstLine,
            badColumns.Count == 1 && ragged == 0 ? badColumns[0].Name : null) { Report = report };
    }

    public ImportReport Report(IReadOnlyList<string> missingTokens) =>
        new(session.FileName, session.Encoding.Name, session.Delimiter.Delimiter, session.IsGzip, Rows,
            [.. columns.Select(a => a.ToReport(session.Sample.Count, Rows))],
            [.. session.HeaderWarnings, .. session.Columns.SelectMany(c => c.Notes.Select(n => $"Column '{c.Name}': {n}")),
             .. columns.SelectMany(a => a.Warnings(policy)),
             .. _rejectedRows > 0 ? [$"{_rejectedRows:N0} line(s) were left out; the rejected-rows file names each with its reason."] : Array.Empty<string>()])
        {
            MissingTokens = missingTokens,
            BadValues = policy,
            Sheet = session.Sheet,
            RaggedLines = _raggedLines,
            RejectedRows = _rejectedRows,
            Rejections = [.. _rejections],
        };

    /// <summary>Deletes the rejected-rows file of a pass whose import did not go through.</summary>
    public void DiscardRejectedRows()
    {
        _rejectedFile?.Dispose();
        _rejectedFile = null;
        if (RejectedRowsFile is not null) File.Delete(RejectedRowsFile);
        RejectedRowsFile = null;
    }

    public void Dispose() => _rejectedFile?.Dispose();
}
