using Microsoft.AspNetCore.Components.Authorization;
using Studio.Web.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Analysis.Experiments.Readout;
using Studio.Data.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>Ship / don't ship / keep running, with notes. "Ship" is disabled while the readout has ship blockers.</summary>
public sealed partial class DecisionPanel
{
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }
    [Inject] public required ExperimentRepository Experiments { get; init; }
    [Parameter, EditorRequired] public required ExperimentDefinition Definition { get; set; }
    [Parameter] public ExperimentReadout? Readout { get; set; }

    private ExperimentDecision _decision;
    private string? _notes;
    private bool _saved;

    private bool _canWrite;

    protected override async Task OnInitializedAsync() => _canWrite = await WriteAccess.CanWriteAsync(Authentication);

    protected override void OnParametersSet()
    {
        _decision = Definition.Decision;
        _notes = Definition.Notes;
    }

    private Variant Filled(ExperimentDecision decision) => _decision == decision ? Variant.Filled : Variant.Outlined;

    private void Choose(ExperimentDecision decision)
    {
        if (decision == ExperimentDecision.Ship && Readout is not { CanShip: true }) return;
        _decision = decision;
        _saved = false;
    }

    private async Task SaveAsync()
    {
        await Experiments.SaveDecisionAsync(Definition.Id, _decision, _notes);
        _saved = true;
    }
}
