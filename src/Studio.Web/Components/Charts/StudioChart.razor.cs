using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Studio.Web.Components.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> with Plotly. The chart is rebuilt only when a new spec instance arrives;
/// live charts append points through <see cref="ExtendAsync"/> instead of redrawing.
/// </summary>
public sealed partial class StudioChart
{
    [Parameter, EditorRequired] public ChartSpec? Spec { get; set; }
    [Parameter] public string? TestId { get; set; }

    private PlotlyChart? _chart;
    private ChartSpec? _drawn;
    private bool _redraw;
    private Config _config = new() { Responsive = true, DisplayLogo = false };
    private Plotly.Blazor.Layout _layout = new();
    private IList<ITrace> _data = [];

    protected override Task OnParametersSetAsync()
    {
        if (Spec is null || ReferenceEquals(Spec, _drawn)) return Task.CompletedTask;
        _redraw = _drawn is not null;
        _drawn = Spec;
        _layout = BuildLayout(Spec);
        _data = Spec.Series.Select(BuildTrace).ToList();
        return Task.CompletedTask;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The new layout and traces reached PlotlyChart as parameters in this render; React applies them.
        if (!_redraw || _chart is null) return;
        _redraw = false;
        await _chart.React();
    }

    /// <summary>Appends points to existing traces (index i of xs/ys goes to trace i) without a full redraw.</summary>
    public async Task ExtendAsync(IReadOnlyList<IEnumerable<object>> xs, IReadOnlyList<IEnumerable<object>> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        if (_chart is null) return;
        await _chart.ExtendTraces(xs, ys, Enumerable.Range(0, xs.Count));
    }

    internal static Plotly.Blazor.Layout BuildLayout(ChartSpec spec) => new()
    {
        Title = new Title { Text = spec.Title },
        Height = spec.Height,
        ShowLegend = spec.ShowLegend,
        Margin = new Margin { L = 60, R = 20, T = string.IsNullOrEmpty(spec.Title) ? 20 : 50, B = 50 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = spec.XTitle },
            Range = spec.XMin is not null && spec.XMax is not null ? [spec.XMin.Value, spec.XMax.Value] : null }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = spec.YTitle },
            Range = spec.YMin is not null && spec.YMax is not null ? [spec.YMin.Value, spec.YMax.Value] : null }],
        Shapes = spec.VerticalLines?.Select(x => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            X0 = x, X1 = x, Y0 = 0, Y1 = 1, YRef = "paper",
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Dash = "dot", Width = 1, Color = "#888" },
        }).ToList(),
    };

    internal static ITrace BuildTrace(ChartSeries series)
    {
        if (series.Kind is SeriesKind.Bar or SeriesKind.HorizontalBar)
        {
            var horizontal = series.Kind == SeriesKind.HorizontalBar;
            return new Bar
            {
                Name = series.Name,
                X = series.X.ToList(),
                Y = series.Y.ToList(),
                Orientation = horizontal ? Plotly.Blazor.Traces.BarLib.OrientationEnum.H : Plotly.Blazor.Traces.BarLib.OrientationEnum.V,
                HoverTextArray = series.Text?.ToList(),
                Marker = series.Color is null ? null : new Plotly.Blazor.Traces.BarLib.Marker { Color = series.Color },
            };
        }
        var scatter = new Scatter
        {
            Name = series.Name,
            X = series.X.ToList(),
            Y = series.Y.ToList(),
            Mode = series.Kind switch
            {
                SeriesKind.Markers => ModeFlag.Markers,
                SeriesKind.LinesAndMarkers => ModeFlag.Lines | ModeFlag.Markers,
                _ => ModeFlag.Lines,
            },
            Fill = series.Kind == SeriesKind.Area ? FillEnum.ToZeroY : null,
            HoverTextArray = series.Text?.ToList(),
            Line = new Line { Color = series.Color, Dash = series.Dashed ? "dash" : null },
            Marker = series.Color is null ? null : new Marker { Color = series.Color, Size = 9 },
        };
        if (series.ErrorMinus is not null && series.ErrorPlus is not null)
        {
            // Horizontal whiskers for forest plots (estimate on x, arm on y), vertical otherwise.
            var arrayPlus = series.ErrorPlus.Cast<object>().ToList();
            var arrayMinus = series.ErrorMinus.Cast<object>().ToList();
            if (series.Kind == SeriesKind.Markers && series.X.Count > 0 && series.X[0] is double && series.Y.Count > 0 && series.Y[0] is string)
                scatter.ErrorX = new ErrorX { Type = Plotly.Blazor.Traces.ScatterLib.ErrorXLib.TypeEnum.Data, Array = arrayPlus, ArrayMinus = arrayMinus, Visible = true };
            else
                scatter.ErrorY = new ErrorY { Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Array = arrayPlus, ArrayMinus = arrayMinus, Visible = true };
        }
        return scatter;
    }
}
