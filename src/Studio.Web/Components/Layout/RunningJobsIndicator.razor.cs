using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Data.Jobs;
using Studio.Web.Components.Shared;

namespace Studio.Web.Components.Layout;

/// <summary>App-bar badge: how many jobs are queued or running, refreshed live from the notifier.</summary>
public sealed partial class RunningJobsIndicator : StudioComponentBase, IDisposable
{
    [Inject] public required JobNotifier Notifier { get; init; }

    private IReadOnlyList<JobSnapshot> Active { get; set; } = [];

    private string Tooltip => Active.Count == 0
        ? "No jobs running"
        : string.Join(" · ", Active.Select(j => string.Create(CultureInfo.CurrentCulture, $"{j.Title} {j.Progress:P0}")));

    protected override void OnInitialized()
    {
        Active = Notifier.Active;
        Notifier.Changed += OnJobChanged;
    }

    private void OnJobChanged(JobSnapshot snapshot) => RefreshFromBackground(() => Active = Notifier.Active);

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
