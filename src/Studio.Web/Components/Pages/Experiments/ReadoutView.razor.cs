using Microsoft.AspNetCore.Components;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Validation;
using Studio.Web.Components.Charts;
using Studio.Web.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>An experiment readout: SRM banner, data-quality issues, arms, comparisons and charts.</summary>
public sealed partial class ReadoutView
{
    /// <summary>The readout, or null when the analysis was refused (then <see cref="Issues"/> says why).</summary>
    [Parameter] public ExperimentReadout? Readout { get; set; }
    [Parameter] public IReadOnlyList<ValidationIssue> Issues { get; set; } = [];
    /// <summary>True to leave out interactive charts (tests, printable views).</summary>
    [Parameter] public bool Static { get; set; }

    private ChartSpec? _forest;
    private IReadOnlyList<ChartSpec> _timelines = [];
    private IReadOnlyList<ChartSpec> _posteriors = [];
    private ChartSpec? _segments;
    private ExperimentReadout? _charted;

    protected override void OnParametersSet()
    {
        if (Readout is null || ReferenceEquals(Readout, _charted) || Static) return;
        _charted = Readout;
        _forest = ReadoutCharts.Forest(Readout);
        _timelines = ReadoutCharts.Timelines(Readout);
        _posteriors = ReadoutCharts.Posteriors(Readout);
        _segments = ReadoutCharts.Segments(Readout);
    }
}
