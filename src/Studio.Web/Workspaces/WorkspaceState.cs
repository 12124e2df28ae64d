using Microsoft.EntityFrameworkCore;
using Studio.Data;
using Studio.Data.Workspaces;

namespace Studio.Web.Workspaces;

/// <summary>The workspace a circuit is looking at; pages read it, the app bar changes it.</summary>
public sealed class WorkspaceState(IDbContextFactory<StudioDbContext> contextFactory)
{
    public IReadOnlyList<Workspace> Workspaces { get; private set; } = [];
    public Workspace? Current { get; private set; }

    public event Action? Changed;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        Workspaces = await context.Workspaces.AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        Current = Workspaces.FirstOrDefault(w => w.Id == Current?.Id) ?? Workspaces.FirstOrDefault();
    }

    public void Select(int workspaceId)
    {
        var chosen = Workspaces.FirstOrDefault(w => w.Id == workspaceId);
        if (chosen is null || chosen.Id == Current?.Id) return;
        Current = chosen;
        Changed?.Invoke();
    }
}
