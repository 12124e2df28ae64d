using System.Globalization;
using System.Net;
using System.Text;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Web.Components.Pages.Experiments;

namespace Studio.Web.Experiments;

/// <summary>
/// A self-contained HTML report: inline CSS, inline SVG charts (forest plot, lift over time), no scripts and no external references, so
/// it opens from disk without a network.
/// </summary>
public static class ReportHtmlWriter
{
    public static string Write(StoredExperimentAnalysis analysis, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var d = analysis.Definition;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(d.Name)).Append(" · experiment report</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}")
            .Append("th,td{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".banner{background:#c62828;color:#fff;padding:.8rem;border-radius:4px}.issue{background:#fff3e0;padding:.5rem;margin:.3rem 0;border-radius:4px}")
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(d.Name)).Append("</h1><p>").Append(E(d.Question ?? "No question recorded.")).Append("</p>");
        html.Append("<h2>Design</h2><p>Log: dataset ").Append(E(analysis.DatasetName)).Append(" v").Append(d.DatasetVersion.ToString(culture))
            .Append(". Control: ").Append(E(analysis.Spec.ControlVariant)).Append(". α = ").Append(analysis.Spec.Alpha.ToString(culture))
            .Append(", ").Append(analysis.Spec.Correction.ToString()).Append(" correction.</p>");
        html.Append("<h2>Data-quality checks</h2>");
        if (analysis.Issues.Count == 0) html.Append("<p>No issues found.</p>");
        foreach (var issue in analysis.Issues) html.Append("<div class=\"issue\"><b>").Append(issue.Severity.ToString()).Append(":</b> ").Append(E(issue.Message)).Append("</div>");
        if (analysis.Readout is { } r) Results(html, r, culture);
        else html.Append("<p><b>The analysis was refused; no results were computed.</b></p>");
        html.Append("<h2>Decision</h2><p><b>").Append(E(ReportView.DecisionText(d.Decision))).Append("</b></p><p style=\"white-space:pre-wrap\">")
            .Append(E(d.Notes ?? "No notes.")).Append("</p></body></html>");
        return html.ToString();
    }

    private static void Results(StringBuilder html, ExperimentReadout r, CultureInfo culture)
    {
        if (r.SrmFlagged)
        {
            html.Append("<p class=\"banner\" id=\"srm\"><b>Sample ratio mismatch</b> (").Append(ReadoutFormat.PEquals(r.Srm.PValue, culture))
                .Append(" < ").Append(r.Srm.Threshold.ToString(culture)).Append("). The assignment is broken; no result below can be trusted and shipping is blocked.</p>");
        }
        else
        {
            html.Append("<p id=\"srm\">").Append(E(r.SrmStatement)).Append("</p>");
        }

        html.Append("<h2>Metrics</h2><ul>");
        foreach (var m in r.Metrics) html.Append("<li><b>").Append(E(m.Name)).Append("</b> (").Append(ReadoutFormat.KindAndRole(m.Kind, m.Role)).Append(")</li>");
        html.Append("</ul><p>").Append(E(r.CorrectionStatement)).Append("</p>");
        html.Append("<h2>Arms</h2><table><tr><th>Variant</th><th>Units</th><th>Metric</th><th>Estimate</th><th>CI</th></tr>");
        foreach (var a in r.Arms)
        {
            foreach (var m in a.Metrics)
            {
                html.Append("<tr><td>").Append(E(a.Variant)).Append(a.IsControl ? " (control)" : "").Append("</td><td>").Append(a.Units.ToString("N0", culture))
                    .Append("</td><td>").Append(E(m.Metric)).Append("</td><td>").Append(ReadoutFormat.Metric(m.Kind, m.Estimate.Value, culture))
                    .Append("</td><td>").Append(ReadoutFormat.Interval(m.Kind, m.Estimate, culture)).Append("</td></tr>");
            }
        }

        html.Append("</table><h2>Comparisons with control</h2><table><tr><th>Variant</th><th>Metric</th><th>Role</th><th>Absolute lift</th><th>CI</th><th>Relative lift</th><th>CI</th><th>p</th><th>Adjusted p</th><th>P(beat control)</th></tr>");
        foreach (var c in r.Comparisons)
        {
            html.Append("<tr><td>").Append(E(c.Treatment)).Append("</td><td>").Append(E(c.Metric)).Append("</td><td>").Append(c.Role == Analysis.Experiments.MetricRole.Primary ? "primary" : "guardrail").Append("</td><td>")
                .Append(ReadoutFormat.Metric(c.Kind, c.AbsoluteLift.Value, culture)).Append("</td><td>").Append(ReadoutFormat.Interval(c.Kind, c.AbsoluteLift, culture))
                .Append("</td><td>").Append(ReadoutFormat.Percent(c.RelativeLift.Value, culture)).Append("</td><td>")
                .Append(ReadoutFormat.RelativeInterval(c.RelativeLift, culture)).Append("</td><td>")
                .Append(ReadoutFormat.PValue(c.Test.PValue, culture)).Append("</td><td>").Append(ReadoutFormat.PValue(c.AdjustedPValue, culture)).Append("</td><td>")
                .Append(ReadoutFormat.Percent(c.Bayesian.ProbabilityToBeatControl, culture, 1)).Append("</td></tr>");
        }

        html.Append("</table><h2>Relative lift with confidence intervals</h2>").Append(ForestSvg.Render(r));
        if (r.Timeline.Count > 0)
        {
            html.Append("<h2>Over time</h2><p>Cumulative absolute lift per day. The shaded band is the always-valid confidence sequence, ")
                .Append("which stays valid however often the results were looked at; dashed lines are the fixed-horizon interval, valid only for a single planned look.</p>");
            foreach (var chart in TimelineSvg.RenderAll(r)) html.Append("<div>").Append(chart).Append("</div>");
        }
        else if (r.TimelineNote is { } note)
        {
            html.Append("<h2>Over time</h2><p>").Append(E(note)).Append("</p>");
        }

        if (r.Segments is { } segments) Segments(html, segments, culture);
    }

    private static void Segments(StringBuilder html, SegmentBreakdown breakdown, CultureInfo culture)
    {
        html.Append("<h2>By ").Append(E(breakdown.Attribute)).Append("</h2>");
        if (breakdown.GroupedValueCount > 0)
        {
            html.Append("<p>").Append(breakdown.GroupedValueCount.ToString("N0", culture)).Append(" smaller values are grouped as \u201c")
                .Append(SegmentBreakdown.OtherValue).Append("\u201d. Segment results are exploratory: many comparisons, smaller samples.</p>");
        }

        html.Append("<table class=\"segments\"><tr><th>").Append(E(breakdown.Attribute)).Append("</th><th>Units</th><th>Variant</th><th>Metric</th><th>Relative lift</th><th>CI</th><th>Adjusted p</th></tr>");
        foreach (var value in breakdown.Values)
        {
            foreach (var c in value.Comparisons)
            {
                html.Append("<tr><td>").Append(E(value.Value)).Append("</td><td>").Append(value.Units.ToString("N0", culture)).Append("</td><td>")
                    .Append(E(c.Treatment)).Append("</td><td>").Append(E(c.Metric)).Append("</td><td>")
                    .Append(ReadoutFormat.Percent(c.RelativeLift.Value, culture)).Append("</td><td>")
                    .Append(ReadoutFormat.RelativeInterval(c.RelativeLift, culture)).Append("</td><td>")
                    .Append(ReadoutFormat.PValue(c.AdjustedPValue, culture)).Append("</td></tr>");
            }
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
