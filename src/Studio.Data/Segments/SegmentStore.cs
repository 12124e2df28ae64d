using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Studio.Data.Datasets;

namespace Studio.Data.Segments;

/// <summary>
/// Stores segments, their members and the export log. A segment and all its members are written in one SQLite
/// transaction: a failure or cancellation leaves no half-written segment.
/// </summary>
public sealed class SegmentStore(IDbContextFactory<StudioDbContext> contexts, DatasetTableStore tables, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    internal const string MembersTable = "SegmentMembers";

    /// <summary>
    /// Creates a segment from member keys of <paramref name="datasetId"/>'s key column. Throws
    /// <see cref="SegmentValidationException"/> when the name is empty, too long or taken in the workspace, the dataset
    /// is not in the workspace or has no key column, there are no members, or a key is not in the dataset.
    /// Repeated keys count once.
    /// </summary>
    /// <returns>The new segment's id.</returns>
    public async Task<int> CreateFromMembersAsync(int workspaceId, string name, SegmentSource source, string definitionJson,
        int datasetId, IReadOnlyList<string> memberKeys, CancellationToken ct) =>
        (await CreateManyFromMembersAsync(workspaceId, source, datasetId, [new NewSegment(name, definitionJson, memberKeys)], ct))[0];

    /// <summary>
    /// Creates several segments of one dataset (k-means clusters) all or none: every segment is checked as
    /// <see cref="CreateFromMembersAsync"/> does (and names must differ from each other), then all of them and their
    /// members are written in one transaction.
    /// </summary>
    /// <returns>The new segments' ids, in the given order.</returns>
    public async Task<IReadOnlyList<int>> CreateManyFromMembersAsync(int workspaceId, SegmentSource source, int datasetId,
        IReadOnlyList<NewSegment> segments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) throw new SegmentValidationException("There are no segments to create.");
        var dataset = await FindDatasetAsync(datasetId, ct);
        if (dataset is null || dataset.WorkspaceId != workspaceId)
            throw new SegmentValidationException($"Dataset #{datasetId} is not in workspace #{workspaceId}.");
        HashSet<string>? known = null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var prepared = new List<(Segment Segment, List<string> Members)>(segments.Count);
        foreach (var request in segments)
        {
            ArgumentNullException.ThrowIfNull(request.MemberKeys);
            var trimmed = (request.Name ?? "").Trim();
            if (trimmed.Length == 0) throw new SegmentValidationException("The segment needs a name.");
            if (trimmed.Length > MaxNameLength)
                throw new SegmentValidationException($"The segment name is longer than {MaxNameLength} characters.");
            if (!names.Add(trimmed) || await NameTakenAsync(workspaceId, trimmed, ct))
                throw new SegmentValidationException($"A segment named '{trimmed}' already exists in this workspace.");
            var members = request.MemberKeys.Distinct(StringComparer.Ordinal).ToList();
            if (members.Count == 0)
                throw new SegmentValidationException(segments.Count == 1 ? "The segment has no members." : $"The segment '{trimmed}' has no members.");
            known ??= DatasetKeys.ReadKeys(tables, dataset, ct).ToHashSet(StringComparer.Ordinal);
            var unknown = members.Where(k => !known.Contains(k)).ToList();
            if (unknown.Count > 0)
                throw new SegmentValidationException(
                    $"{unknown.Count:N0} key(s) are not in dataset '{dataset.Name}' v{dataset.Version}, e.g. " +
                    string.Join(", ", unknown.Take(5).Select(k => $"'{k}'")) + ".");
            prepared.Add((new Segment
            {
                WorkspaceId = workspaceId,
                Name = trimmed,
                Source = source,
                DefinitionJson = string.IsNullOrWhiteSpace(request.DefinitionJson) ? "{}" : request.DefinitionJson,
                DatasetId = datasetId,
                MemberCount = members.Count,
                CreatedAt = clock.GetUtcNow(),
            }, members));
        }

        await using var connection = tables.OpenConnection();
        await using var transaction = connection.BeginTransaction();
        var options = new DbContextOptionsBuilder<StudioDbContext>().UseSqlite(connection).Options;
        await using (var context = new StudioDbContext(options))
        {
            await context.Database.UseTransactionAsync(transaction, ct);
            context.Segments.AddRange(prepared.Select(p => p.Segment));
            try
            {
                await context.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e)
            {
                throw new SegmentValidationException("A segment with one of these names was created meanwhile in this workspace.", e);
            }
        }
        foreach (var (segment, members) in prepared) InsertMembers(connection, transaction, segment.Id, members, ct);
        await transaction.CommitAsync(ct);
        return [.. prepared.Select(p => p.Segment.Id)];
    }

    public async Task<IReadOnlyList<Segment>> ListAsync(int workspaceId, CancellationToken ct = default)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        var all = await context.Segments.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).ToListAsync(ct);
        return [.. all.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)];
    }

    public async Task<Segment?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        return await context.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The member keys in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> ReadMemberKeysAsync(int segmentId, CancellationToken ct = default)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        return await context.SegmentMembers.AsNoTracking().Where(m => m.SegmentId == segmentId)
            .OrderBy(m => m.Key).Select(m => m.Key).ToListAsync(ct);
    }

    /// <summary>Deletes the segment, its members and its export log; false when it does not exist.</summary>
    public async Task<bool> DeleteAsync(int segmentId, CancellationToken ct = default)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await context.Database.BeginTransactionAsync(ct);
        await context.SegmentMembers.Where(m => m.SegmentId == segmentId).ExecuteDeleteAsync(ct);
        await context.SegmentExports.Where(e => e.SegmentId == segmentId).ExecuteDeleteAsync(ct);
        var deleted = await context.Segments.Where(s => s.Id == segmentId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return deleted > 0;
    }

    /// <summary>Records one export of a segment list.</summary>
    public async Task<SegmentExport> LogExportAsync(int segmentId, SegmentExportFormat format, int rowCount,
        IReadOnlyList<string> columns, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var entry = new SegmentExport { SegmentId = segmentId, At = clock.GetUtcNow(), Format = format, RowCount = rowCount, Columns = [.. columns] };
        await using var context = await contexts.CreateDbContextAsync(ct);
        context.SegmentExports.Add(entry);
        await context.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The export log of a segment, newest first.</summary>
    public async Task<IReadOnlyList<SegmentExport>> ListExportsAsync(int segmentId, CancellationToken ct = default)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        var all = await context.SegmentExports.AsNoTracking().Where(e => e.SegmentId == segmentId).ToListAsync(ct);
        return [.. all.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)];
    }

    private async Task<Dataset?> FindDatasetAsync(int datasetId, CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        return await context.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == datasetId, ct);
    }

    private async Task<bool> NameTakenAsync(int workspaceId, string name, CancellationToken ct)
    {
        await using var context = await contexts.CreateDbContextAsync(ct);
        var names = await context.Segments.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).Select(s => s.Name).ToListAsync(ct);
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private static void InsertMembers(SqliteConnection connection, SqliteTransaction transaction, int segmentId,
        List<string> members, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{MembersTable}\" (\"SegmentId\", \"Key\") VALUES ($segment, $key)";
        command.Parameters.AddWithValue("$segment", segmentId);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Prepare();
        for (var i = 0; i < members.Count; i++)
        {
            if ((i & 0x3FFF) == 0) ct.ThrowIfCancellationRequested();
            key.Value = members[i];
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>One segment of a <see cref="SegmentStore.CreateManyFromMembersAsync"/> call.</summary>
public sealed record NewSegment(string Name, string DefinitionJson, IReadOnlyList<string> MemberKeys);
