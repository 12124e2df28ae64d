using System.Globalization;
using System.Text;
using Studio.Analysis.Export;

namespace Studio.Analysis.Experiments.Readout;

/// <summary>The comparisons of a readout as CSV (invariant culture, one row per treatment and metric, metrics named by
/// their columns; every row repeats the SRM p-value, threshold and verdict and the correction family). Undefined numbers
/// are empty cells.</summary>
public static class ResultsCsvWriter
{
    public static string Write(ExperimentReadout readout)
    {
        ArgumentNullException.ThrowIfNull(readout);
        var csv = new StringBuilder();
        csv.AppendLine("experiment,treatment,control,metric,metric_kind,metric_role,treatment_value,control_value,absolute_lift,absolute_low,absolute_high,relative_lift,relative_low,relative_high,p_value,adjusted_p_value,significant,p_beat_control,expected_loss,cuped_lift,cuped_low,cuped_high,variance_reduction,srm_p_value,srm_threshold,srm_flagged,correction,correction_family_size");
        foreach (var c in readout.Comparisons)
        {
            string N(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
            string[] cells =
            [
                Quote(readout.ExperimentName), Quote(c.Treatment), Quote(c.Control), Quote(c.Metric), c.Kind.ToString(), c.Role.ToString(), N(c.TreatmentValue), N(c.ControlValue),
                N(c.AbsoluteLift.Value), N(c.AbsoluteLift.Low), N(c.AbsoluteLift.High), N(c.RelativeLift.Value), N(c.RelativeLift.Low), N(c.RelativeLift.High),
                N(c.Test.PValue), N(c.AdjustedPValue), c.Significant ? "true" : "false", N(c.Bayesian.ProbabilityToBeatControl), N(c.Bayesian.ExpectedLossTreatment),
                c.Cuped is null ? "" : N(c.Cuped.AbsoluteLift.Value), c.Cuped is null ? "" : N(c.Cuped.AbsoluteLift.Low), c.Cuped is null ? "" : N(c.Cuped.AbsoluteLift.High),
                c.Cuped is null ? "" : N(c.Cuped.VarianceReduction), N(readout.Srm.PValue), N(readout.Srm.Threshold), readout.SrmFlagged ? "true" : "false",
                readout.Spec.Correction.ToString(), readout.CorrectionFamilySize.ToString(CultureInfo.InvariantCulture),
            ];
            csv.AppendLine(string.Join(',', cells));
        }

        return csv.ToString();
    }

    // Names are the analyst's text: quoted when needed and formula-escaped like every CSV Studio writes.
    private static string Quote(string value) => CsvExport.Field(value, escapeFormulas: true);
}
