using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Joins;

/// <summary>
/// One key check: rows of <see cref="FromDataset"/> whose <see cref="Key"/> has no match in <see cref="ToDataset"/>
/// (orphans), and the first few orphan keys.
/// </summary>
public sealed record JoinCheck(string Relation, int FromDatasetId, string FromDataset, int ToDatasetId, string ToDataset, string Key,
    long Rows, long MissingKeys, long OrphanRows, long OrphanKeys, IReadOnlyList<string> SampleOrphans);

/// <summary>Checks events → customers and events → products in a workspace (latest version of each role).</summary>
public sealed class JoinChecker(DatasetRepository datasets, DatasetTableStore tables)
{
    public const int SampleSize = 5;

    public async Task<IReadOnlyList<JoinCheck>> CheckAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        var all = await datasets.ListAsync(workspaceId, cancellationToken);
        Dataset? Latest(DatasetRole role) => all.Where(d => d.Role == role).MaxBy(d => d.CreatedAt);
        var events = Latest(DatasetRole.Events);
        if (events is null) return [];
        var checks = new List<JoinCheck>();
        foreach (var (role, relation) in new[] { (DatasetRole.Customers, "events → customers"), (DatasetRole.Products, "events → products") })
        {
            if (Latest(role) is not { } target) continue;
            var key = KeyOf(target);
            var fromKey = key is null ? null : events.Columns.FirstOrDefault(c => string.Equals(c.Name, key.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null || fromKey is null) continue;
            checks.Add(await CheckAsync(relation, events, fromKey, target, key, cancellationToken));
        }
        return checks;
    }

    /// <summary>The key of a customers/products table: its first identifier column, else a column named like <c>*_id</c>.</summary>
    public static DatasetColumn? KeyOf(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        return columns.FirstOrDefault(c => c.Type == ColumnType.Identifier)
            ?? columns.FirstOrDefault(c => c.Name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) || c.Name.Equals("id", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<JoinCheck> CheckAsync(string relation, Dataset from, DatasetColumn fromKey, Dataset to, DatasetColumn toKey,
        CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.ReadAllAsync(to.TableName, [AsText(toKey)], cancellationToken))
            if (row[0] is string s) keys.Add(s);
        long rows = 0, missing = 0, orphanRows = 0;
        var orphanKeys = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<string>();
        await foreach (var row in tables.ReadAllAsync(from.TableName, [AsText(fromKey)], cancellationToken))
        {
            rows++;
            if (row[0] is not string value) { missing++; continue; }
            if (keys.Contains(value)) continue;
            orphanRows++;
            if (orphanKeys.Add(value) && samples.Count < SampleSize) samples.Add(value);
        }
        return new JoinCheck(relation, from.Id, from.Name, to.Id, to.Name, fromKey.Name, rows, missing, orphanRows, orphanKeys.Count, samples);
    }

    /// <summary>Keys compare as text whatever their stored type (SQLite returns integer keys' text form).</summary>
    private static DatasetColumn AsText(DatasetColumn column) =>
        new() { Name = column.Name, StorageName = column.StorageName, Ordinal = column.Ordinal, Type = ColumnType.Text };
}
