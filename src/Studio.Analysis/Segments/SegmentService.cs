using Studio.Analysis.Export;
using Studio.Data.Datasets;
using Studio.Data.Segments;

namespace Studio.Analysis.Segments;

/// <summary>
/// Segment operations over stored segments and customers dataset versions: rule previews and rule segments,
/// profiles, comparisons and logged exports. CPU work runs on the thread pool, never on the caller's thread.
/// </summary>
public sealed class SegmentService(CustomerTableLoader customers, ScoreSetReader scoreSets, SegmentStore store,
    DatasetRepository datasets, DatasetTableStore tables)
{
    public async Task<SegmentAttributes> DescribeAsync(int datasetId, CancellationToken ct = default)
    {
        var table = await customers.LoadAsync(datasetId, ct);
        return await Task.Run(() => new SegmentAttributes(datasetId, table.KeyColumn, table.RowCount,
            [.. table.Columns.Select(c => AttributeInfo.Of(c, table.RowCount))],
            [.. Enum.GetValues<RfmDimension>().Where(d => RfmScores.ColumnFor(table, d) is not null)]), ct);
    }

    /// <summary>How many customers the rules select; problems instead of a count when they cannot run.</summary>
    public async Task<RulePreview> PreviewAsync(SegmentDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (table, scores) = await LoadWithScoresAsync(definition.DatasetId, definition.ScoreSetId, ct);
        return await Task.Run(() =>
        {
            var problems = RuleEvaluator.Validate(definition, table, scores is not null);
            return problems.Count > 0
                ? new RulePreview(0, table.RowCount, problems)
                : new RulePreview(RuleEvaluator.Evaluate(definition, table, scores).Count(m => m), table.RowCount, []);
        }, ct);
    }

    /// <summary>Evaluates the rules and stores the matching customers as a <see cref="SegmentSource.Rule"/> segment.</summary>
    /// <exception cref="SegmentValidationException">Invalid rules, no match, or an invalid/taken name.</exception>
    public async Task<int> CreateFromRulesAsync(int workspaceId, string name, SegmentDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (table, scores) = await LoadWithScoresAsync(definition.DatasetId, definition.ScoreSetId, ct);
        var problems = RuleEvaluator.Validate(definition, table, scores is not null);
        if (problems.Count > 0) throw new SegmentValidationException(string.Join(" ", problems));
        var mask = await Task.Run(() => RuleEvaluator.Evaluate(definition, table, scores), ct);
        var keys = Enumerable.Range(0, mask.Length).Where(i => mask[i]).Select(i => table.Keys[i]).ToList();
        if (keys.Count == 0) throw new SegmentValidationException("The rules match no customer; loosen a rule.");
        return await store.CreateFromMembersAsync(workspaceId, name, SegmentSource.Rule, SegmentJson.Serialize(definition),
            definition.DatasetId, keys, ct);
    }

    /// <summary>The profile of a stored segment; spend from <paramref name="spendColumn"/>, propensity from the rule's
    /// score set or <paramref name="scoreSetId"/>.</summary>
    public async Task<SegmentProfile?> ProfileAsync(int segmentId, string? spendColumn = null, int? scoreSetId = null,
        CancellationToken ct = default)
    {
        if (await store.FindAsync(segmentId, ct) is not { } segment) return null;
        var scoreSet = scoreSetId ?? SegmentJson.TryReadDefinition(segment.DefinitionJson)?.ScoreSetId;
        var (table, scores) = await LoadWithScoresAsync(segment.DatasetId, scoreSet, ct);
        var members = table.MaskOf(await store.ReadMemberKeysAsync(segmentId, ct));
        return await Task.Run(() => SegmentProfiler.Profile(table, members, spendColumn ?? DefaultSpendColumn(table), scores), ct);
    }

    /// <summary>Two segments of the same customers dataset version side by side.</summary>
    /// <exception cref="SegmentValidationException">A segment is missing or they key into different dataset versions.</exception>
    public async Task<SegmentComparison> CompareAsync(int segmentA, int segmentB, CancellationToken ct = default)
    {
        var a = await store.FindAsync(segmentA, ct) ?? throw new SegmentValidationException($"Segment #{segmentA} does not exist.");
        var b = await store.FindAsync(segmentB, ct) ?? throw new SegmentValidationException($"Segment #{segmentB} does not exist.");
        if (a.DatasetId != b.DatasetId)
            throw new SegmentValidationException($"'{a.Name}' and '{b.Name}' key into different dataset versions (#{a.DatasetId}, #{b.DatasetId}).");
        var table = await customers.LoadAsync(a.DatasetId, ct);
        var maskA = table.MaskOf(await store.ReadMemberKeysAsync(a.Id, ct));
        var maskB = table.MaskOf(await store.ReadMemberKeysAsync(b.Id, ct));
        return await Task.Run(() => SegmentComparer.Compare(table, maskA, maskB), ct);
    }

    /// <summary>The columns a segment list can export (its dataset version's columns, in order).</summary>
    public async Task<IReadOnlyList<string>> ExportColumnsAsync(int segmentId, CancellationToken ct = default)
    {
        var segment = await store.FindAsync(segmentId, ct) ?? throw new SegmentValidationException($"Segment #{segmentId} does not exist.");
        var dataset = await datasets.FindAsync(segment.DatasetId, ct) ?? throw new SegmentValidationException($"Dataset #{segment.DatasetId} is gone.");
        return [.. dataset.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name)];
    }

    /// <summary>Writes the segment's customers (chosen columns; all when empty) and logs the export.</summary>
    /// <exception cref="SegmentValidationException">Unknown segment or column.</exception>
    public async Task<ExportSummary> ExportAsync(int segmentId, IReadOnlyList<string> columns, ExportFormat format, Stream output,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var segment = await store.FindAsync(segmentId, ct) ?? throw new SegmentValidationException($"Segment #{segmentId} does not exist.");
        var dataset = await datasets.FindAsync(segment.DatasetId, ct) ?? throw new SegmentValidationException($"Dataset #{segment.DatasetId} is gone.");
        var stored = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var header = stored.Select(c => c.Name).ToList();
        var chosen = columns.Count == 0 ? header : columns;
        var unknown = chosen.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0) throw new SegmentValidationException($"Dataset '{dataset.Name}' has no column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}.");
        var keyAt = stored.FindIndex(c => c.Ordinal == DatasetKeys.RequireKeyColumn(dataset).Ordinal);
        var members = (await store.ReadMemberKeysAsync(segmentId, ct)).ToHashSet(StringComparer.Ordinal);
        var rows = MemberRowsAsync(tables.ReadAllAsync(dataset.TableName, stored, ct), keyAt, members, ct);
        var summary = await SegmentListExport.WriteAsync(output, header, rows, new SegmentExportRequest(chosen, format, SheetName(segment.Name)), ct);
        await store.LogExportAsync(segmentId, format == ExportFormat.Csv ? SegmentExportFormat.Csv : SegmentExportFormat.Xlsx,
            summary.RowCount, summary.Columns, CancellationToken.None);
        return summary;
    }

    private static async IAsyncEnumerable<object?[]> MemberRowsAsync(IAsyncEnumerable<object?[]> rows, int keyAt, HashSet<string> members,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct))
            if (DatasetKeys.KeyText(row[keyAt]) is { } key && members.Contains(key)) yield return row;
    }

    /// <summary>A spend column when the table has one of the usual names.</summary>
    public static string? DefaultSpendColumn(CustomerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] names = ["monetary", "monetary_value", "spend", "total_spend", "revenue", "lifetime_value", "clv"];
        return names.FirstOrDefault(n => table.Find(n) is { Kind: AttributeKind.Numeric });
    }

    private async Task<(CustomerTable Table, double[]? Scores)> LoadWithScoresAsync(int datasetId, int? scoreSetId, CancellationToken ct)
    {
        var table = await customers.LoadAsync(datasetId, ct);
        var scores = scoreSetId is { } id ? await scoreSets.ReadAlignedAsync(id, table, ct) : null;
        return (table, scores);
    }

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string name)
    {
        var cleaned = new string([.. name.Select(ch => ":\\/?*[]".Contains(ch, StringComparison.Ordinal) ? '_' : ch)]);
        return cleaned.Length == 0 ? "Segment" : cleaned[..Math.Min(31, cleaned.Length)];
    }
}
