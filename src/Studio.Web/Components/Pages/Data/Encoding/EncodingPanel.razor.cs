using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Analysis.ModelEncoding;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Data.Encoding;

/// <summary>
/// Fits the encoding for models on a chosen split of a dataset version and shows what it learnt: vocabulary sizes,
/// the share of rows that fall into the unknown bucket, means and deviations. Large versions fit as a job.
/// </summary>
public sealed partial class EncodingPanel : IDisposable
{
    /// <summary>Viewers see this panel read-only; its write actions also refuse them when invoked.</summary>
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }

    private bool _canWrite;

    protected override async Task OnInitializedAsync() => _canWrite = await WriteAccess.CanWriteAsync(Authentication);

    /// <summary>Above this many cells the fit runs as a background job (it loads the whole version).</summary>
    public const long InlineCells = 2_000_000;

    [Inject] public required EncoderStore Encoders { get; init; }
    [Inject] public required JobQueue Jobs { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }

    [Parameter, EditorRequired] public required Dataset Dataset { get; set; }

    private DatasetEncoding? _encoding;
    private IReadOnlyCollection<string> _categorical = [];
    private IReadOnlyCollection<string> _numeric = [];
    private int _minFrequency = 5;
    private double _testShare = 0.2;
    private int _seed = 42;
    private JobSnapshot? _job;
    private string? _error;
    private bool _fitting;
    private int? _loadedId;

    private IEnumerable<DatasetColumn> CategoricalChoices => Dataset.Columns.OrderBy(c => c.Ordinal)
        .Where(c => c.Type is ColumnType.Categorical or ColumnType.Boolean or ColumnType.Identifier or ColumnType.Text);

    private IEnumerable<DatasetColumn> NumericChoices => Dataset.Columns.OrderBy(c => c.Ordinal)
        .Where(c => c.Type is ColumnType.Integer or ColumnType.Decimal);

    /// <summary>Why the form cannot be submitted, or null when it can.</summary>
    private string? Invalid =>
        _categorical.Count + _numeric.Count == 0 ? "Choose at least one column to encode."
        : _minFrequency < 1 ? "The minimum frequency must be at least 1."
        : _testShare is < 0 or > 0.9 ? "The test share must be between 0 % and 90 %."
        : Dataset.RowCount - Math.Round(Dataset.RowCount * _testShare) < 1 ? "The training split would be empty."
        : null;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Dataset.Id) return;
        _loadedId = Dataset.Id;
        _error = null;
        _encoding = await Encoders.LoadAsync(Dataset.Id);
        var spec = _encoding?.Spec ?? DatasetEncoder.DefaultSpec(Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => new TableColumn(c.Name, c.Type)));
        _categorical = [.. spec.Categorical];
        _numeric = [.. spec.Numeric];
        if (_encoding is not null) (_minFrequency, _testShare, _seed) = (spec.MinFrequency, spec.TestShare, spec.Seed);
    }

    private async Task FitAsync()
    {
        if (!_canWrite) return;
        if (Invalid is not null) return;
        var spec = new EncoderSpec([.. _categorical], [.. _numeric], _minFrequency, _testShare, _seed);
        _error = null;
        if (Dataset.RowCount * Math.Max(1, Dataset.Columns.Count) <= InlineCells)
        {
            _fitting = true;
            try
            {
                _encoding = await Encoders.FitAndSaveAsync(Dataset.Id, spec);
            }
            catch (RecipeException e)
            {
                _error = e.Message;
            }
            finally
            {
                _fitting = false;
            }
            return;
        }
        Notifier.Changed += OnJobChanged;
        var id = Dataset.Id;
        var jobId = await Jobs.EnqueueAsync(new JobRequest(JobKind.Analysis, $"Fit encoding of {Dataset.Name} v{Dataset.Version}", async job =>
        {
            job.Report(0, "loading rows");
            await job.Services.GetRequiredService<EncoderStore>().FitAndSaveAsync(id, spec, job.CancellationToken);
            return null;
        }, Dataset.WorkspaceId));
        _job = Notifier.Find(jobId);
    }

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(async () =>
        {
            _job = snapshot;
            if (!snapshot.Status.IsFinished()) return;
            Notifier.Changed -= OnJobChanged;
            _job = null;
            if (snapshot.Status == JobStatus.Succeeded) _encoding = await Encoders.LoadAsync(Dataset.Id);
            else _error = snapshot.Status == JobStatus.Cancelled ? "Fitting was cancelled; the previous encoding is kept." : $"Fitting failed: {snapshot.Error}";
        });
    }

    private void Cancel()
    {
        if (_job is not null) Jobs.Cancel(_job.Id);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
    private static string P(double share) => share.ToString("P1", CultureInfo.CurrentCulture);
    private static string G(double value) => value.ToString("G5", CultureInfo.CurrentCulture);

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
