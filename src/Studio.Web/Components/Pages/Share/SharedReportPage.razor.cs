using Microsoft.AspNetCore.Components;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Experiments;

namespace Studio.Web.Components.Pages.Share;

/// <summary>
/// The one page a share token opens: the report of one experiment, without the workspace shell. Server-rendered
/// (no circuit, no script, no navigation) and anonymous; the token is checked on every request, so a revoked link
/// stops at the next load.
/// </summary>
public sealed partial class SharedReportPage
{
    [Inject] public required ShareLinkService Links { get; init; }
    [Inject] public required ExperimentRepository Experiments { get; init; }
    [Inject] public required StoredExperimentAnalyzer Analyzer { get; init; }
    [Parameter] public required string Token { get; set; }

    private ShareLinkStatus? _status;
    private StoredExperimentAnalysis? _analysis;

    protected override async Task OnParametersSetAsync()
    {
        var resolution = await Links.ResolveAsync(Token);
        if (resolution.ExperimentId is { } id && await Experiments.FindAsync(id) is { } definition)
            _analysis = await Analyzer.AnalyzeAsync(definition);
        _status = resolution.Status;
    }
}
