using System.Globalization;
using Studio.Data.Projections;
using Studio.Ml.Projections;

namespace Studio.Web.Components.Pages.Projections;

/// <summary>How the viewer words a stored projection: method names, quality numbers, durations.</summary>
public static class ProjectionLabels
{
    public static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.CurrentCulture) : "—";

    public static string Summary(StoredProjection p) => string.Create(CultureInfo.CurrentCulture,
        $"{MethodLabel(p.Method)} {p.Dimensions}D of {p.Rows:N0} × {p.SourceDimensions} vectors in {Duration(p.ElapsedSeconds ?? 0)}");

    /// <param name="sequenceRun">The run is a behaviour-sequence model, whose per-customer source is behaviour, not a hidden layer.</param>
    public static string Earlier(StoredProjection p, bool sequenceRun = false) => string.Create(CultureInfo.CurrentCulture,
        $"{MethodLabel(p.Method)} {p.Dimensions}D of {SourceLabel(p, sequenceRun)} · trust {p.Trustworthiness ?? double.NaN:0.000}");

    private static string SourceLabel(StoredProjection p, bool sequenceRun) => p.SourceKey == "hidden"
        ? sequenceRun ? $"{p.EntityLabel} behaviour" : "hidden layer"
        : p.SourceKey.Replace("embedding:", "", StringComparison.Ordinal);

    public static string MethodLabel(string method) => method switch
    {
        nameof(ProjectionMethod.Tsne) => "t-SNE",
        nameof(ProjectionMethod.Umap) => "UMAP",
        _ => "PCA",
    };

    public static string Duration(double seconds) => seconds < 1
        ? string.Create(CultureInfo.CurrentCulture, $"{seconds * 1000:N0} ms")
        : string.Create(CultureInfo.CurrentCulture, $"{seconds:N1} s");
}
