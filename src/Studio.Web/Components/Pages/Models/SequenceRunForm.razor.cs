using Microsoft.AspNetCore.Components;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Ml.Sequences.Service;

namespace Studio.Web.Components.Pages.Models;

/// <summary>The behaviour-sequence half of /models/new: events dataset, column mapping, model settings, validation, start.</summary>
public sealed partial class SequenceRunForm
{
    [Inject] public required SequenceTrainingService Training { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<Dataset> Datasets { get; set; }
    [Parameter, EditorRequired] public required int WorkspaceId { get; set; }

    private int _eventsId;
    private SequenceFormModel _model = new();
    private IReadOnlyList<string> _problems = [];
    private string? _error;
    private bool _starting;

    private Dataset? Events => Datasets.FirstOrDefault(d => d.Id == _eventsId);

    private IReadOnlyList<string> EventColumns => Events?.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() ?? [];

    private IReadOnlyList<string> ProductColumns =>
        Datasets.FirstOrDefault(d => d.Id == _model.ProductsDatasetId)?.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).ToList() ?? [];

    protected override void OnInitialized()
    {
        var preferred = Datasets.Where(d => d.Role == DatasetRole.Events).MaxBy(d => d.Version) ?? Datasets.FirstOrDefault();
        if (preferred is not null) EventsChanged(preferred.Id);
    }

    private void EventsChanged(int id)
    {
        if (id == _eventsId || Events is { } same && same.Id == id) return;
        _eventsId = id;
        var products = Datasets.Where(d => d.Role == DatasetRole.Products).MaxBy(d => d.Version);
        _model = Events is { } events ? SequenceFormModel.For(events, products) : new SequenceFormModel();
        Revalidate();
    }

    private void Revalidate() => _problems = _model.Build(Events).Problems;

    private async Task StartAsync()
    {
        _error = null;
        var (spec, problems) = _model.Build(Events);
        _problems = problems;
        if (spec is null || Events is null) return;
        _starting = true;
        try
        {
            var started = await Training.StartAsync(new StartSequenceRunRequest(WorkspaceId, Events.Id, _model.Name, spec));
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
