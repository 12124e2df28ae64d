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

    /// <summary>A metric value: conversion as a percentage, revenue as a number.</summary>
    public static string Metric(ExperimentMetric metric, double value, CultureInfo? culture = null) =>
        metric == ExperimentMetric.Conversion ? Percent(value, culture) : Number(value, culture);

    public static string Interval(ExperimentMetric metric, IntervalEstimate interval, CultureInfo? culture = null) =>
        $"[{Metric(metric, interval.Low, culture)}, {Metric(metric, interval.High, culture)}]";

    public static string MetricName(ExperimentMetric metric) => metric == ExperimentMetric.Conversion ? "Conversion rate" : "Revenue per unit";
}
