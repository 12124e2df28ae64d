using Microsoft.EntityFrameworkCore;
using Studio.Data;

namespace Studio.Web.Api;

internal static class WorkspacesApi
{
    public sealed record WorkspaceDto(int Id, string Name, string? Description, bool IsDemo, DateTimeOffset CreatedAt);

    public static void MapWorkspacesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workspaces", async (IDbContextFactory<StudioDbContext> contexts, CancellationToken ct) =>
        {
            await using var context = await contexts.CreateDbContextAsync(ct);
            return await context.Workspaces.AsNoTracking().OrderBy(w => w.Name)
                .Select(w => new WorkspaceDto(w.Id, w.Name, w.Description, w.IsDemo, w.CreatedAt)).ToListAsync(ct);
        }).WithTags("Workspaces").WithSummary("List workspaces");
    }
}
