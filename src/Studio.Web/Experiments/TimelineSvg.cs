using System.Globalization;
using System.Net;
using System.Text;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Web.Experiments;

/// <summary>
/// The cumulative absolute lift of one treatment on one metric, day by day, with its always-valid confidence sequence
/// as a band and the fixed-horizon interval as dashed lines, as inline SVG (for files that must work offline).
/// </summary>
public static class TimelineSvg
{
    private const int Width = 560, Height = 200, Left = 64, Right = 16, Top = 26, Bottom = 28;

    /// <summary>One chart per (treatment, metric) that has at least one day, in readout order.</summary>
    public static IEnumerable<string> RenderAll(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        return readout.Timeline
            .GroupBy(p => (p.Treatment, p.Metric))
            .Select(g => Render(g.OrderBy(p => p.Day).ToList()));
    }

    public static string Render(IReadOnlyList<TimelinePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("A timeline needs at least one day.", nameof(points));
        var finite = points.Where(p => double.IsFinite(p.AlwaysValidLift.Low) && double.IsFinite(p.AlwaysValidLift.High)).ToList();
        var values = finite.SelectMany(p => new[] { p.AlwaysValidLift.Low, p.AlwaysValidLift.High, p.Lift.Low, p.Lift.High, p.Lift.Value })
            .Where(double.IsFinite).Append(0.0).ToList();
        var (min, max) = (values.Min(), values.Max());
        var pad = (max - min) * 0.05 + 1e-12;
        (min, max) = (min - pad, max + pad);
        var first = points[0];
        double X(int i) => Left + (points.Count == 1 ? 0.5 : i / (double)(points.Count - 1)) * (Width - Left - Right);
        double Y(double v) => Top + (max - v) / (max - min) * (Height - Top - Bottom);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string Label(double v) => ReadoutFormat.Metric(first.Kind, v, CultureInfo.InvariantCulture);
        var index = points.Select((p, i) => (p, i)).Where(x => finite.Contains(x.p)).ToList();

        var svg = new StringBuilder();
        var title = $"{first.Treatment} · {first.Metric} · absolute lift over time";
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{E(title)}\" font-family=\"sans-serif\" font-size=\"11\" class=\"timeline\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"14\" font-weight=\"bold\">{E(title)}</text>");
        if (index.Count > 0)
        {
            var band = string.Join(" ", index.Select(x => $"{F(X(x.i))},{F(Y(x.p.AlwaysValidLift.High))}")
                .Concat(index.AsEnumerable().Reverse().Select(x => $"{F(X(x.i))},{F(Y(x.p.AlwaysValidLift.Low))}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{band}\" fill=\"#1565c0\" fill-opacity=\"0.18\" stroke=\"none\"><title>Always-valid 95 % confidence sequence</title></polygon>");
            foreach (var bound in new Func<TimelinePoint, double>[] { p => p.Lift.Low, p => p.Lift.High })
            {
                var line = string.Join(" ", index.Where(x => double.IsFinite(bound(x.p))).Select(x => $"{F(X(x.i))},{F(Y(bound(x.p)))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{line}\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"3 3\"/>");
            }

            var estimate = string.Join(" ", index.Select(x => $"{F(X(x.i))},{F(Y(x.p.Lift.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{estimate}\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" class=\"estimate\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(Y(0))}\" x2=\"{Width - Right}\" y2=\"{F(Y(0))}\" stroke=\"#c62828\" stroke-width=\"1\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(Y(max - pad) + 4)}\" text-anchor=\"end\">{E(Label(max - pad))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(Y(min + pad) + 4)}\" text-anchor=\"end\">{E(Label(min + pad))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\">{first.Day:yyyy-MM-dd}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{points[^1].Day:yyyy-MM-dd}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
