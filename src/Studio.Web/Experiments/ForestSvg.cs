using System.Globalization;
using System.Net;
using System.Text;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Web.Experiments;

/// <summary>A forest plot of relative lifts as inline SVG (for files that must work offline).</summary>
public static class ForestSvg
{
    public static string Render(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var rows = readout.Comparisons.Where(c => double.IsFinite(c.RelativeLift.Low) && double.IsFinite(c.RelativeLift.High)).ToList();
        const int width = 720, left = 260, right = 30, rowHeight = 34, top = 20;
        var height = top * 2 + rowHeight * Math.Max(1, rows.Count) + 20;
        var min = Math.Min(0, rows.Count == 0 ? 0 : rows.Min(c => c.RelativeLift.Low));
        var max = Math.Max(0, rows.Count == 0 ? 0 : rows.Max(c => c.RelativeLift.High));
        var pad = (max - min) * 0.05 + 1e-9;
        min -= pad;
        max += pad;
        double X(double v) => left + (v - min) / (max - min) * (width - left - right);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Forest plot\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(0))}\" y1=\"{top}\" x2=\"{F(X(0))}\" y2=\"{height - 20}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            var y = top + rowHeight * i + rowHeight / 2;
            var color = c.Significant ? "#2e7d32" : "#1565c0";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\">{WebUtility.HtmlEncode($"{c.Treatment} · {c.Metric}")}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(c.RelativeLift.Low))}\" y1=\"{y}\" x2=\"{F(X(c.RelativeLift.High))}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(c.RelativeLift.Value))}\" cy=\"{y}\" r=\"5\" fill=\"{color}\"><title>{WebUtility.HtmlEncode(ReadoutFormat.Percent(c.RelativeLift.Value, CultureInfo.InvariantCulture))}</title></circle>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - 4}\">{WebUtility.HtmlEncode(ReadoutFormat.Percent(min, CultureInfo.InvariantCulture, 1))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"{height - 4}\" text-anchor=\"end\">{WebUtility.HtmlEncode(ReadoutFormat.Percent(max, CultureInfo.InvariantCulture, 1))}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
