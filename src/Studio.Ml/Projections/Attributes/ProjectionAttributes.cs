using System.Globalization;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Ml.Projections.Vectors;
using Studio.Ml.Service;

namespace Studio.Ml.Projections.Attributes;

/// <summary>
/// Joins attributes onto projection points by key: every column of a dataset keyed by the entity (customers for
/// customer_id), sums of the numeric columns and row counts of datasets with many rows per key (events: spend),
/// and stored model scores keyed by the entity (propensity).
/// </summary>
public sealed class ProjectionAttributes(DatasetRepository datasets, DatasetTableStore tables, ModelRegistry registry)
{
    public async Task<IReadOnlyList<AttributeOption>> OptionsAsync(int workspaceId, string entityLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityLabel);
        var options = new List<AttributeOption>();
        foreach (var dataset in await LatestWithColumnAsync(workspaceId, entityLabel, cancellationToken))
        {
            var key = dataset.Columns.First(c => c.Name == entityLabel);
            var unique = key.DistinctCount >= dataset.RowCount - key.MissingCount;
            foreach (var column in dataset.Columns.OrderBy(c => c.Ordinal).Where(c => c.Name != entityLabel))
            {
                var numeric = IsNumeric(column.Type);
                if (unique && column.Type != ColumnType.Text)
                    options.Add(new AttributeOption(Id("col", dataset.Id, column.Name), $"{column.Name} ({dataset.Name})", numeric));
                else if (!unique && numeric && column.Type != ColumnType.Boolean)
                    options.Add(new AttributeOption(Id("sum", dataset.Id, column.Name), $"Sum of {column.Name} ({dataset.Name})", true));
            }
            if (!unique) options.Add(new AttributeOption(Id("count", dataset.Id, null), $"Rows in {dataset.Name}", true));
        }
        foreach (var model in await registry.ListAsync(workspaceId, cancellationToken))
        {
            var set = (await registry.ScoreSetsAsync(model.Id, cancellationToken)).FirstOrDefault();
            if (set is null || !File.Exists(set.FilePath)) continue;
            var header = SplitCsv(File.ReadLines(set.FilePath).FirstOrDefault() ?? "");
            if (header.Count == 2 && header[0] == entityLabel)
                options.Add(new AttributeOption("score:" + set.Id.ToString(CultureInfo.InvariantCulture), $"Score of {model.Name} v{model.Version}", true));
        }
        return options;
    }

    /// <exception cref="ArgumentException">An unknown or malformed attribute id.</exception>
    public async Task<AttributeValues> ValuesAsync(int workspaceId, string entityLabel, string attributeId, IReadOnlyList<string> keys,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var option = (await OptionsAsync(workspaceId, entityLabel, cancellationToken)).FirstOrDefault(o => o.Id == attributeId)
            ?? throw new ArgumentException($"\"{attributeId}\" is not an attribute of {entityLabel} in this workspace.", nameof(attributeId));
        var index = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) index.TryAdd(keys[i], i);
        var parts = attributeId.Split(':', 3);
        if (parts[0] == "score") return await ScoresAsync(option, int.Parse(parts[1], CultureInfo.InvariantCulture), index, keys.Count, cancellationToken);

        var dataset = await datasets.FindAsync(int.Parse(parts[1], CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new ArgumentException($"Dataset {parts[1]} no longer exists.", nameof(attributeId));
        var key = dataset.Columns.First(c => c.Name == entityLabel);
        var column = parts.Length > 2 ? dataset.Columns.First(c => c.Name == parts[2]) : key;
        var labels = parts[0] == "col" && !option.Numeric ? new string?[keys.Count] : null;
        var numbers = labels is null ? Enumerable.Repeat(parts[0] == "col" ? double.NaN : 0.0, keys.Count).ToArray() : null;
        await foreach (var row in tables.ReadAllAsync(dataset.TableName, [key, column], cancellationToken))
        {
            if (DatasetFeatureLoader.AsLabel(row[0]) is not { } k || !index.TryGetValue(k, out var i)) continue;
            if (labels is not null) labels[i] = DatasetFeatureLoader.AsLabel(row[1]);
            else if (parts[0] == "count") numbers![i] += 1;
            else if (DatasetFeatureLoader.AsNumber(row[1]) is { } x) numbers![i] = parts[0] == "sum" ? numbers[i] + x : x;
        }
        return new AttributeValues(option, labels, numbers);
    }

    private async Task<AttributeValues> ScoresAsync(AttributeOption option, int scoreSetId, Dictionary<string, int> index, int count,
        CancellationToken cancellationToken)
    {
        var set = await registry.FindScoreSetAsync(scoreSetId, cancellationToken)
            ?? throw new ArgumentException($"Score set {scoreSetId} no longer exists.", nameof(scoreSetId));
        var numbers = Enumerable.Repeat(double.NaN, count).ToArray();
        foreach (var line in File.ReadLines(set.FilePath).Skip(1))
        {
            var cells = SplitCsv(line);
            if (cells.Count == 2 && index.TryGetValue(cells[0], out var i)
                && double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                numbers[i] = score;
        }
        return new AttributeValues(option, null, numbers);
    }

    /// <summary>
    /// The dataset a selection of these entities becomes a segment of: the preferred dataset (the run's) when its key
    /// column is the entity and unique, else the newest version of a dataset so keyed, customers-role datasets first.
    /// Null when no dataset in the workspace is keyed by the entity (then points cannot become members).
    /// </summary>
    public async Task<Dataset?> MemberDatasetAsync(int workspaceId, string entityLabel, int? preferredDatasetId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityLabel);
        if (preferredDatasetId is { } id && await datasets.FindAsync(id, cancellationToken) is { } preferred
            && preferred.WorkspaceId == workspaceId && IsKeyedBy(preferred, entityLabel))
            return preferred;
        return (await LatestWithColumnAsync(workspaceId, entityLabel, cancellationToken))
            .Where(d => IsKeyedBy(d, entityLabel))
            .OrderByDescending(d => d.Role == DatasetRole.Customers)
            .ThenByDescending(d => d.Id)
            .FirstOrDefault();
    }

    private static bool IsKeyedBy(Dataset dataset, string entityLabel) =>
        VectorSourceLoader.KeyColumn(dataset) is { } key && key.Name == entityLabel
        && key.DistinctCount >= dataset.RowCount - key.MissingCount;

    private async Task<IReadOnlyList<Dataset>> LatestWithColumnAsync(int workspaceId, string column, CancellationToken cancellationToken) =>
        (await datasets.ListAsync(workspaceId, cancellationToken))
            .GroupBy(d => d.Name).Select(g => g.MaxBy(d => d.Version)!)
            .Where(d => d.Columns.Any(c => c.Name == column)).ToList();

    private static bool IsNumeric(ColumnType type) => type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Boolean;

    private static string Id(string kind, int datasetId, string? column) =>
        column is null ? FormattableString.Invariant($"{kind}:{datasetId}") : FormattableString.Invariant($"{kind}:{datasetId}:{column}");

    // The score files are written by ScoreCsv: RFC 4180 quoting, no embedded newlines in keys.
    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
