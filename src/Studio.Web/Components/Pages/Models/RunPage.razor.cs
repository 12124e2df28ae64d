using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Core.Jobs;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class RunPage
{
    [Inject] public required TrainingRunStore Runs { get; init; }
    [Inject] public required ModelRegistry Registry { get; init; }

    [Parameter] public int RunId { get; set; }

    private TrainingRun? _run;
    private IReadOnlyList<EpochPoint> _epochs = [];
    private Predictions? _predictions;
    private bool _loaded;
    private string _registerName = "";
    private string? _message;

    private Color StatusColor => _run?.Status switch
    {
        JobStatus.Succeeded => Color.Success,
        JobStatus.Failed => Color.Error,
        JobStatus.Running => Color.Info,
        JobStatus.Cancelled or JobStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _registerName = _run?.TargetColumn.Replace('_', ' ') ?? "";
        _loaded = true;
    }

    private async Task LoadAsync()
    {
        _run = await Runs.FindAsync(RunId);
        _epochs = (await Runs.EpochsAsync(RunId)).Select(EpochPoint.From).ToList();
        _predictions = _run is null ? null : await Task.Run(() => TrainingRunStore.Predictions(_run));
    }

    private Task OnFinishedAsync(JobStatus status) => LoadAsync();

    private async Task RegisterAsync()
    {
        if (_run is null) return;
        try
        {
            var model = await Registry.RegisterAsync(_run.Id, _registerName);
            _message = $"Registered as {model.Name} v{model.Version}{(model.InUse ? " (in use)" : "")}.";
        }
        catch (InvalidOperationException ex)
        {
            _message = ex.Message;
        }
    }
}
