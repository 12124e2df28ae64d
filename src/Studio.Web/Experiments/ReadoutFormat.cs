using System.Globalization;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Statistics;

namespace Studio.Web.Experiments;

/// <summary>How readout numbers are shown (current culture on pages; pass a culture for files).</summary>
public static class ReadoutFormat
{
    public static string Percent(double value, CultureInfo? culture = null, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture) : "—";

    public static string Number(double value, CultureInfo? culture = null, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture) : "—";

    public static string PValue(double p, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        if (!double.IsFinite(p)) return "—";
        return p < 0.0001 ? "< " + 0.0001.ToString("0.0000", c) : p.ToString("0.0000", c);
    }

    /// <summary>A metric value: a proportion as a percentage, a mean or ratio as a number.</summary>
    public static string Metric(MetricKind kind, double value, CultureInfo? culture = null) =>
        kind == MetricKind.Proportion ? Percent(value, culture) : Number(value, culture);

    public static string Interval(MetricKind kind, IntervalEstimate interval, CultureInfo? culture = null) =>
        $"[{Metric(kind, interval.Low, culture)}, {Metric(kind, interval.High, culture)}]";

    /// <summary>A relative lift interval (always a percentage).</summary>
    public static string RelativeInterval(IntervalEstimate interval, CultureInfo? culture = null) => Interval(MetricKind.Proportion, interval, culture);

    /// <summary>How a metric's kind and role are described next to its column name.</summary>
    public static string KindAndRole(MetricKind kind, MetricRole role) =>
        $"{(kind switch { MetricKind.Proportion => "proportion", MetricKind.Mean => "mean", _ => "ratio" })}, {(role == MetricRole.Primary ? "primary" : "guardrail")}";

    /// <summary>"p = 0.0123" or "p &lt; 0.0001".</summary>
    public static string PEquals(double p, CultureInfo? culture = null) => PValue(p, culture) is var t && t.StartsWith('<') ? "p " + t : "p = " + t;
}
