namespace Studio.Analysis.Ingest;

/// <summary>The delimiter chosen for a file and the evidence for it.</summary>
public sealed record DetectedDelimiter(char Delimiter, int FieldCount, string Evidence)
{
    public string DisplayName => Delimiter switch
    {
        '\t' => "tab",
        ',' => "comma",
        ';' => "semicolon",
        '|' => "pipe",
        _ => $"'{Delimiter}'",
    };
}

/// <summary>
/// Picks the delimiter among , ; tab | that splits the first records (quotes respected) into the same number of
/// fields as the header. Refuses files whose header and rows disagree on the delimiter.
/// </summary>
public static class DelimiterSniffer
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];
    private const int MaxRecords = 50;

    public static DetectedDelimiter Sniff(string headText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(headText);
        var records = SplitRecords(headText);
        if (records.Count == 0) throw new DataImportException(fileName, "The file holds no text lines.");

        var best = Candidates
            .Select(c => (Delimiter: c, Header: records[0].Counts[c], Agreeing: records.Count(r => r.Counts[c] == records[0].Counts[c])))
            .Where(s => s.Header > 0)
            .OrderByDescending(s => s.Agreeing).ThenByDescending(s => s.Header)
            .FirstOrDefault();
        if (best.Header == 0)
            return new DetectedDelimiter(',', 1, "no , ; tab or | in the header: one column");

        var dataRecords = records.Count - 1;
        if (dataRecords > 0 && best.Agreeing - 1 < dataRecords / 2.0)
        {
            var first = records.Skip(1).First(r => r.Counts[best.Delimiter] != best.Header);
            var other = Candidates.Where(c => c != best.Delimiter && first.Counts[c] > 0).Select(Name).ToList();
            var found = other.Count > 0 ? $"; it uses {string.Join(" and ", other)} instead" : "";
            throw new DataImportException(fileName,
                $"Mixed delimiters: the header is split by {Name(best.Delimiter)} into {best.Header + 1} fields, " +
                $"but this line has {first.Counts[best.Delimiter]} {Name(best.Delimiter)}(s){found}.", first.Line);
        }
        var evidence = $"{Name(best.Delimiter)} splits the header and {best.Agreeing - 1} of {dataRecords} sampled rows into {best.Header + 1} fields";
        return new DetectedDelimiter(best.Delimiter, best.Header + 1, evidence);
    }

    private static string Name(char c) => new DetectedDelimiter(c, 0, "").DisplayName;

    private sealed record SniffedRecord(long Line, Dictionary<char, int> Counts);

    /// <summary>Counts candidate characters outside quotes per record; a newline inside quotes does not end a record.</summary>
    private static List<SniffedRecord> SplitRecords(string text)
    {
        var records = new List<SniffedRecord>();
        var counts = NewCounts();
        bool inQuotes = false, hasContent = false;
        long line = 1, recordLine = 1;
        // The last record of a sample cut mid-file may be partial, so it is only kept when the text ends there.
        for (var i = 0; i < text.Length && records.Count < MaxRecords; i++)
        {
            var ch = text[i];
            if (ch == '"') { inQuotes = !inQuotes; hasContent = true; continue; }
            if (ch == '\n') line++;
            if (!inQuotes && ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; line++; }
                else if (ch == '\r') line++;
                if (hasContent) records.Add(new SniffedRecord(recordLine, counts));
                counts = NewCounts();
                hasContent = false;
                recordLine = line;
                continue;
            }
            if (inQuotes) continue;
            if (counts.TryGetValue(ch, out var n)) counts[ch] = n + 1;
            if (!char.IsWhiteSpace(ch)) hasContent = true;
        }
        if (hasContent && records.Count == 0) records.Add(new SniffedRecord(recordLine, counts));
        return records;
    }

    private static Dictionary<char, int> NewCounts() => Candidates.ToDictionary(c => c, _ => 0);
}
