namespace Studio.Web.Components.Charts;

public enum SeriesKind { Line, Markers, LinesAndMarkers, Bar, HorizontalBar, Area }

/// <summary>One trace of a chart: x and y values (numbers, strings or dates) and how to draw them.</summary>
/// <param name="ErrorMinus">Distance below each y (or left of each x for horizontal bars/markers) for CI whiskers.</param>
/// <param name="ErrorPlus">Distance above each y.</param>
/// <param name="Text">Hover text per point.</param>
public sealed record ChartSeries(
    string Name,
    IReadOnlyList<object> X,
    IReadOnlyList<object> Y,
    SeriesKind Kind = SeriesKind.Line,
    IReadOnlyList<double>? ErrorMinus = null,
    IReadOnlyList<double>? ErrorPlus = null,
    IReadOnlyList<string>? Text = null,
    string? Color = null,
    bool Dashed = false);

/// <summary>A chart as data: typed input that pages build and <see cref="StudioChart"/> draws.</summary>
public sealed record ChartSpec(
    string Title,
    string XTitle,
    string YTitle,
    IReadOnlyList<ChartSeries> Series,
    int Height = 360,
    bool ShowLegend = true,
    double? XMin = null,
    double? XMax = null,
    double? YMin = null,
    double? YMax = null,
    IReadOnlyList<double>? VerticalLines = null,
    bool ErrorsOnX = false);
