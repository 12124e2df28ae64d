using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Data.Datasets;
using Studio.Ml.Service;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class NewRunPage
{
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required TrainingService Training { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>Preselects a dataset (e.g. from a dataset's page).</summary>
    [SupplyParameterFromQuery(Name = "dataset")] public int? DatasetQuery { get; set; }

    /// <summary>"sequence" opens the behaviour-sequence form.</summary>
    [SupplyParameterFromQuery(Name = "family")] public string? FamilyQuery { get; set; }

    private bool _sequence;
    private MudForm? _form;
    private IReadOnlyList<Dataset>? _datasets;
    private int _datasetId;
    private TrainingFormModel _model = new();
    private IReadOnlyList<string> _problems = [];
    private string? _error;
    private bool _starting;

    private Dataset? Current => _datasets?.FirstOrDefault(d => d.Id == _datasetId);

    private IReadOnlyList<DatasetColumn> Columns => Current?.Columns.OrderBy(c => c.Ordinal).ToList() ?? [];

    protected override async Task OnInitializedAsync()
    {
        _sequence = string.Equals(FamilyQuery, "sequence", StringComparison.OrdinalIgnoreCase);
        if (Workspace.Current is null) await Workspace.LoadAsync();
        _datasets = Workspace.Current is null ? [] : await Datasets.ListAsync(Workspace.Current.Id);
        var preferred = _datasets.FirstOrDefault(d => d.Id == DatasetQuery)
            ?? _datasets.Where(d => d.Name == "customers").MaxBy(d => d.Version)
            ?? _datasets.FirstOrDefault();
        if (preferred is not null) DatasetChanged(preferred.Id);
    }

    private void DatasetChanged(int id)
    {
        // MudSelect may re-announce the same value; only a different dataset resets the form to its defaults.
        if (id == _datasetId || _datasets?.Any(d => d.Id == id) != true) return;
        _datasetId = id;
        _model = Current is null ? new TrainingFormModel() : TrainingFormModel.For(Current);
        Revalidate();
    }

    private void FeaturesChanged(IEnumerable<string> features)
    {
        var chosen = features.ToList();
        if (chosen.SequenceEqual(_model.Features)) return;
        _model.Features = chosen;
        Revalidate();
    }

    /// <summary>Recomputes the problems after every edit, so the form explains them before anything starts.</summary>
    private void Revalidate() => _problems = _model.Build(Current).Problems;

    private bool Has(string keyword) => For(keyword) is not null;

    private string? For(string keyword) =>
        _problems.FirstOrDefault(p => p.Contains(keyword, StringComparison.OrdinalIgnoreCase));

    private async Task StartAsync()
    {
        _error = null;
        var (spec, problems) = _model.Build(Current);
        _problems = problems;
        if (spec is null || Current is null || Workspace.Current is null) return;
        _starting = true;
        try
        {
            var started = await Training.StartAsync(new StartTrainingRequest(Workspace.Current.Id, Current.Id, _model.Name, spec));
            Navigation.NavigateTo($"models/runs/{started.RunId}");
        }
        catch (ArgumentException ex)
        {
            _error = "Training could not start: " + ex.Message;
        }
        finally
        {
            _starting = false;
        }
    }
}
