using Microsoft.EntityFrameworkCore;

namespace Studio.Data.Experiments;

/// <summary>Stores experiment definitions and the analyst's decisions.</summary>
public sealed class ExperimentRepository(IDbContextFactory<StudioDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<ExperimentDefinition>> ListAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await context.ExperimentDefinitions.AsNoTracking().Where(e => e.WorkspaceId == workspaceId).ToListAsync(cancellationToken);
        return [.. all.OrderByDescending(e => e.CreatedAt)];
    }

    public async Task<ExperimentDefinition?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.ExperimentDefinitions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    public async Task<ExperimentDefinition> AddAsync(ExperimentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.CreatedAt = clock.GetUtcNow();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.ExperimentDefinitions.Add(definition);
        await context.SaveChangesAsync(cancellationToken);
        return definition;
    }

    public async Task<bool> SaveDecisionAsync(int id, ExperimentDecision decision, string? notes, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = await context.ExperimentDefinitions.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (definition is null) return false;
        definition.Decision = decision;
        definition.Notes = notes;
        definition.DecidedAt = decision == ExperimentDecision.Undecided ? null : clock.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }
}
