using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Profiling;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;

namespace Studio.Web.Components.Pages.Data.Profile;

/// <summary>
/// The profile of one dataset version. Small versions are profiled inline (tens of milliseconds); larger ones run as
/// a job with progress and cancel. Either way the result is kept per version by <see cref="ProfileCache"/>, in memory and on disk.
/// </summary>
public sealed partial class ProfilePanel : IDisposable
{
    /// <summary>Above this many cells the profile runs as a background job.</summary>
    public const long InlineCells = 2_000_000;

    [Inject] public required ProfileCache Profiles { get; init; }
    [Inject] public required JobQueue Jobs { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }

    [Parameter, EditorRequired] public required Dataset Dataset { get; set; }

    private DatasetProfile? _profile;
    private JobSnapshot? _job;
    private string? _error;
    private int _selected;
    private int? _loadedId;

    private ColumnProfile? _selectedProfile => _profile?.Columns.FirstOrDefault(c => c.Ordinal == _selected);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Dataset.Id) return;
        _loadedId = Dataset.Id;
        _profile = await Profiles.StoredAsync(Dataset.Id);
        _error = null;
        if (_profile is null && Dataset.RowCount * Math.Max(1, Dataset.Columns.Count) <= InlineCells)
            _profile = await Profiles.GetAsync(Dataset.Id);
        if (_profile is null)
        {
            Notifier.Changed += OnJobChanged;
            var id = Dataset.Id;
            var jobId = await Jobs.EnqueueAsync(new JobRequest(JobKind.Analysis, $"Profile {Dataset.Name} v{Dataset.Version}", async job =>
            {
                job.Report(0, "loading rows");
                await job.Services.GetRequiredService<ProfileCache>().GetAsync(id, job.CancellationToken);
                return null;
            }, Dataset.WorkspaceId));
            _job = Notifier.Find(jobId);
        }
        _selected = DefaultColumn();
    }

    private int DefaultColumn() =>
        _profile?.Columns.FirstOrDefault(c => c.Numeric is not null)?.Ordinal ?? _profile?.Columns.FirstOrDefault()?.Ordinal ?? 0;

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(() =>
        {
            _job = snapshot;
            if (!snapshot.Status.IsFinished()) return;
            Notifier.Changed -= OnJobChanged;
            _profile = Profiles.Cached(Dataset.Id);
            if (_profile is null) _error = snapshot.Status == JobStatus.Cancelled ? "Profiling was cancelled." : $"Profiling failed: {snapshot.Error}";
            _selected = DefaultColumn();
        });
    }

    private void Cancel()
    {
        if (_job is not null) Jobs.Cancel(_job.Id);
    }

    internal static string N(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
