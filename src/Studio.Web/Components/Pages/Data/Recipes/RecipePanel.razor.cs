using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Data.Jobs;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Data.Recipes;

/// <summary>
/// The editable recipe of a dataset version: add, edit, remove and reorder steps, preview each step's effect, and
/// apply the whole recipe as a job that writes a new version.
/// </summary>
public sealed partial class RecipePanel : IDisposable
{
    /// <summary>Viewers see this panel read-only; its write actions also refuse them when invoked.</summary>
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }

    private bool _canWrite;

    protected override async Task OnInitializedAsync() => _canWrite = await WriteAccess.CanWriteAsync(Authentication);

    [Inject] public required RecipeService Recipes { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required JobQueue Jobs { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }

    [Parameter, EditorRequired] public required Dataset Dataset { get; set; }
    /// <summary>A recipe to start from (e.g. the one that made an earlier version); a new instance replaces the steps.</summary>
    [Parameter] public Recipe? Seed { get; set; }

    private List<RecipeStep> _steps = [];
    private StepDraft _draft = new();
    private string? _draftError;
    private int? _editing;
    private RecipePreview? _preview;
    private string? _applyError;
    private JobSnapshot? _job;
    private int? _appliedId;
    private string _json = "";
    private IReadOnlyList<Dataset> _events = [];
    private Recipe? _seeded;
    private int _nextVersion;

    private bool Busy => _job is not null && !_job.Status.IsFinished();
    private int NextVersionHint => _nextVersion;

    protected override async Task OnParametersSetAsync()
    {
        if (Seed is not null && !ReferenceEquals(Seed, _seeded))
        {
            _seeded = Seed;
            SetSteps([.. Seed.Steps]);
        }
        var all = await Datasets.ListAsync(Dataset.WorkspaceId);
        _events = [.. all.Where(d => d.Role == DatasetRole.Events)];
        _nextVersion = all.Where(d => d.Name == Dataset.Name).Select(d => d.Version).DefaultIfEmpty(Dataset.Version).Max() + 1;
        if (_draft.Column.Length == 0 && Dataset.Columns.Count > 0)
            _draft.Column = Dataset.Columns.OrderBy(c => c.Ordinal).First().Name;
        UpdateJson();
    }

    /// <summary>The columns a step at <paramref name="index"/> sees: from the last preview when known, else the dataset's.</summary>
    private IReadOnlyList<TableColumn> ColumnsBefore(int index) =>
        _preview?.Steps.FirstOrDefault(p => p.Index == index)?.ColumnsBefore
        ?? (index > 0 ? _preview?.Steps.FirstOrDefault(p => p.Index == index - 1)?.ColumnsAfter : null)
        ?? [.. Dataset.Columns.OrderBy(c => c.Ordinal).Select(c => new TableColumn(c.Name, c.Type))];

    private void SetSteps(List<RecipeStep> steps)
    {
        _steps = steps;
        _preview = null;
        _appliedId = null;
        _applyError = null;
        UpdateJson();
    }

    private void SaveDraft()
    {
        try
        {
            var step = _draft.ToStep();
            var steps = _steps.ToList();
            if (_editing is { } i) steps[i] = step;
            else steps.Add(step);
            SetSteps(steps);
            _editing = null;
            _draftError = null;
            _draft = new StepDraft { Column = _draft.Column };
        }
        catch (RecipeException e)
        {
            _draftError = e.Message;
        }
    }

    private void Edit(int index)
    {
        _editing = index;
        _draft = StepDraft.From(_steps[index]);
        _draftError = null;
    }

    private void CancelEdit()
    {
        _editing = null;
        _draft = new StepDraft();
        _draftError = null;
    }

    private void Remove(int index)
    {
        var steps = _steps.ToList();
        steps.RemoveAt(index);
        _editing = null;
        SetSteps(steps);
    }

    private void Move(int index, int by)
    {
        var steps = _steps.ToList();
        (steps[index], steps[index + by]) = (steps[index + by], steps[index]);
        SetSteps(steps);
    }

    private async Task PreviewAsync() => _preview = await Recipes.PreviewAsync(Dataset.Id, new Recipe([.. _steps]));

    private async Task ApplyAsync()
    {
        if (!_canWrite) return;
        _applyError = null;
        _appliedId = null;
        var recipe = new Recipe([.. _steps]);
        var sourceId = Dataset.Id;
        Notifier.Changed += OnJobChanged;
        var id = await Jobs.EnqueueAsync(new JobRequest(JobKind.Analysis, $"Apply recipe to {Dataset.Name} v{Dataset.Version}", async job =>
        {
            job.Report(0, $"{recipe.Steps.Count} step(s)");
            var created = await job.Services.GetRequiredService<RecipeService>().ApplyAsync(sourceId, recipe, job.CancellationToken);
            job.Report(1, $"v{created.Version}: {created.RowCount:N0} rows");
            return JsonSerializer.Serialize(new { datasetId = created.Id });
        }, Dataset.WorkspaceId, recipe.ToJson()));
        _job = Notifier.Find(id);
    }

    private void CancelApply()
    {
        if (_job is not null) Jobs.Cancel(_job.Id);
    }

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(() =>
        {
            _job = snapshot;
            if (!snapshot.Status.IsFinished()) return;
            Notifier.Changed -= OnJobChanged;
            if (snapshot.Status == JobStatus.Succeeded && snapshot.ResultJson is { } json)
            {
                using var doc = JsonDocument.Parse(json);
                _appliedId = doc.RootElement.GetProperty("datasetId").GetInt32();
                _nextVersion++;
            }
            else _applyError = snapshot.Status == JobStatus.Cancelled ? "Cancelled; no version was written." : $"Nothing was stored: {snapshot.Error}";
        });
    }

    private void UpdateJson() => _json = new Recipe([.. _steps]).ToJson();

    private void LoadJson()
    {
        try
        {
            SetSteps([.. Recipe.FromJson(_json).Steps]);
            _applyError = null;
        }
        catch (Exception e) when (e is JsonException or RecipeException or NotSupportedException)
        {
            _applyError = $"The JSON is not a recipe: {e.Message}";
        }
    }

    public void Dispose() => Notifier.Changed -= OnJobChanged;
}
