using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Studio.Core.Jobs;
using Studio.Data;
using Studio.Data.Jobs;

namespace Studio.Web.Components.Pages.Jobs;

public sealed partial class JobsPage : IDisposable
{
    private const int Shown = 200;

    [Inject] public required IDbContextFactory<StudioDbContext> ContextFactory { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }
    [Inject] public required JobQueue Queue { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    private List<JobSnapshot>? _jobs;

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnJobChanged;
        await using var context = await ContextFactory.CreateDbContextAsync();
        var stored = await context.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).Take(Shown).ToListAsync();
        _jobs = stored.Select(JobSnapshot.From).ToList();
    }

    private void OnJobChanged(JobSnapshot snapshot) => RefreshFromBackground(() =>
    {
        if (_jobs is null) return;
        var index = _jobs.FindIndex(j => j.Id == snapshot.Id);
        if (index >= 0) _jobs[index] = snapshot;
        else _jobs.Insert(0, snapshot);
    });

    private void Cancel(Guid id) => Queue.Cancel(id);

    private string Duration(JobSnapshot job)
    {
        if (job.StartedAt is null) return "";
        var span = (job.FinishedAt ?? Time.GetUtcNow()) - job.StartedAt.Value;
        return span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.CurrentCulture);
    }

    private static Color StatusColor(JobStatus status) => status switch
    {
        JobStatus.Succeeded => Color.Success,
        JobStatus.Failed => Color.Error,
        JobStatus.Running => Color.Info,
        JobStatus.Cancelled or JobStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
