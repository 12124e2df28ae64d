using Microsoft.EntityFrameworkCore;

namespace Studio.Data.Audit;

internal sealed class AuditLog(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock) : IAuditLog
{
    public const int MaxTextLength = 400;

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = Clip(record.Actor, 200)!,
            Action = record.Action,
            Target = Clip(record.Target, MaxTextLength)!,
            Detail = Clip(record.Detail, MaxTextLength),
            RowCount = record.RowCount,
            WorkspaceId = record.WorkspaceId,
        });
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditEntry> entries = context.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(e => e.Actor == query.Actor.Trim());
        if (query.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (query.From is { } from) entries = entries.Where(e => e.At >= from);
        if (query.To is { } to) entries = entries.Where(e => e.At < to);
        var limit = Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit);
        return await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
