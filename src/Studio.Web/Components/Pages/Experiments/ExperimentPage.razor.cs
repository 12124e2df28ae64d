using Microsoft.AspNetCore.Components;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

public sealed partial class ExperimentPage
{
    [Inject] public required ExperimentRepository Experiments { get; init; }
    [Inject] public required StoredExperimentAnalyzer Analyzer { get; init; }

    [Parameter] public int Id { get; set; }

    private StoredExperimentAnalysis? _analysis;
    private bool _notFound;
    private int? _workspaceId;

    protected override async Task OnParametersSetAsync()
    {
        _analysis = null;
        var definition = await Experiments.FindAsync(Id);
        _notFound = definition is null;
        _workspaceId = definition?.WorkspaceId;
        if (definition is not null) _analysis = await Analyzer.AnalyzeAsync(definition);
    }
}
