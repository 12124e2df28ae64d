using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Studio.Data.Models;
using Studio.Ml.Projections.Jobs;
using Studio.Ml.Projections.Vectors;

namespace Studio.Web.Components.Pages.Projections;

/// <summary>What a start produced: the projection (or cached result) and the source it projects.</summary>
public sealed record ProjectionStarted(ProjectionStart Start, VectorSourceInfo Source);

public sealed partial class ProjectionSetup
{
    [Inject] public required VectorSourceLoader Sources { get; init; }
    [Inject] public required ProjectionService Projections { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<TrainingRun> Runs { get; set; }
    [Parameter, EditorRequired] public required int WorkspaceId { get; set; }
    [Parameter] public int? RunId { get; set; }
    [Parameter] public EventCallback<int?> RunIdChanged { get; set; }
    /// <summary>A job is running: the button waits.</summary>
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<ProjectionStarted> Started { get; set; }
    /// <summary>
    /// The source key chosen when a run's sources load (default: the hidden layer), and again whenever it changes: the
    /// page passes the shown projection's source, so the form describes what is on screen.
    /// </summary>
    [Parameter] public string? InitialSource { get; set; }

    public ProjectionFormModel Form { get; } = new();

    private IReadOnlyList<VectorSourceInfo> _sources = [];
    private string? _sourceKey;
    private string? _sourceError;
    private string? _startError;
    private int? _loadedRun;

    private string? _appliedSource;

    private VectorSourceInfo? Source => _sources.FirstOrDefault(s => s.Spec.Key == _sourceKey);

    private IReadOnlyList<string> Problems => Form.Problems(Source);

    protected override async Task OnParametersSetAsync()
    {
        if (RunId != _loadedRun) await LoadSourcesAsync();
        else if (InitialSource != _appliedSource && _sources.Any(s => s.Spec.Key == InitialSource)) _sourceKey = InitialSource;
        _appliedSource = InitialSource;
    }

    private async Task OnRunChanged(int? runId)
    {
        RunId = runId;
        await RunIdChanged.InvokeAsync(runId);
        await LoadSourcesAsync();
    }

    private async Task LoadSourcesAsync()
    {
        _loadedRun = RunId;
        _sources = [];
        _sourceKey = null;
        _sourceError = null;
        if (RunId is not { } id) return;
        try
        {
            _sources = await Sources.ListSourcesAsync(id);
            _sourceKey = _sources.FirstOrDefault(s => s.Spec.Key == InitialSource)?.Spec.Key
                ?? _sources.FirstOrDefault(s => s.Spec.Kind == VectorSourceKind.HiddenLayer)?.Spec.Key ?? _sources.FirstOrDefault()?.Spec.Key;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or JsonException)
        {
            _sourceError = $"Run {id}'s vectors cannot be read: {ex.Message}";
        }
    }

    private void OnSourceChanged(string key)
    {
        _sourceKey = key;
        _startError = null;
    }

    private async Task StartAsync()
    {
        _startError = null;
        if (Source is not { } source || Problems.Count > 0) return;
        try
        {
            var start = await Projections.StartAsync(WorkspaceId, source.Spec, Form.ToRequest());
            await Started.InvokeAsync(new ProjectionStarted(start, source));
        }
        catch (ArgumentException ex)
        {
            _startError = ex.Message;
        }
    }

    private static string SourceLabel(VectorSourceInfo source) =>
        string.Create(CultureInfo.CurrentCulture, $"{source.Title} · {source.Count:N0} × {source.Dimensions}");
}
