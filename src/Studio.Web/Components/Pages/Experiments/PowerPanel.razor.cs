using System.Globalization;
using Studio.Analysis.Experiments.Statistics;
using Studio.Web.Experiments;

namespace Studio.Web.Components.Pages.Experiments;

/// <summary>MDE for a given N and N for a given MDE (statsmodels NormalIndPower conventions, via <see cref="PowerAnalysis"/>).</summary>
public sealed partial class PowerPanel
{
    /// <summary>Prefills units per arm (e.g. from a segment's size); read once.</summary>
    [Microsoft.AspNetCore.Components.Parameter] public long? InitialUnitsPerArm { get; set; }

    /// <summary>Prefills the baseline conversion rate in percent (e.g. a segment's mean propensity); read once.</summary>
    [Microsoft.AspNetCore.Components.Parameter] public double? InitialBaselinePercent { get; set; }

    private bool _prefilled;
    private string _metric = "conversion";
    private double _baselinePercent = 10;
    private double _sd = 50;
    private double _alpha = 0.05;
    private double _power = 0.8;
    private long _unitsPerArm = 10_000;
    private double _mde = 1;

    private string MdeText => Safe(() => _metric == "conversion"
        ? PowerAnalysis.ProportionMinimumDetectableEffect(_unitsPerArm, _baselinePercent / 100, _alpha, _power) is var m
            ? $"{ReadoutFormat.Number(m.AbsoluteMde * 100)} pp ({ReadoutFormat.Percent(m.RelativeMde, decimals: 1)} relative)"
            : ""
        : ReadoutFormat.Number(PowerAnalysis.MeanMinimumDetectableEffect(_unitsPerArm, _sd, _alpha, _power)));

    private string SampleText => Safe(() => (_metric == "conversion"
        ? PowerAnalysis.ProportionSampleSize(_baselinePercent / 100, _mde / 100, _alpha, _power)
        : PowerAnalysis.MeanSampleSize(_sd, _mde, _alpha, _power)).UnitsPerArm.ToString("N0", CultureInfo.CurrentCulture));

    protected override void OnParametersSet()
    {
        if (_prefilled) return;
        _prefilled = true;
        if (InitialUnitsPerArm is >= 2 and var units) _unitsPerArm = units;
        if (InitialBaselinePercent is > 0 and < 100 and var baseline) _baselinePercent = Math.Round(baseline, 2);
    }

    private static string Safe(Func<string> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return e.Message.Split(" (Parameter", 2)[0];
        }
    }
}
