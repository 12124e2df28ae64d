using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>Checks the spec itself (before any row is read).</summary>
internal static class SpecValidator
{
    public static List<ValidationIssue> Validate(ExperimentLog log, ExperimentSpec spec, IReadOnlyList<MetricSpec> metrics)
    {
        var issues = new List<ValidationIssue>();
        void Fail(string message) => issues.Add(new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, $"Experiment '{spec.Name}': {message}"));

        if (string.IsNullOrWhiteSpace(spec.ControlVariant)) Fail("no control variant is set.");
        if (!(spec.Alpha > 0 && spec.Alpha < 1)) Fail($"alpha must be in (0, 1), not {spec.Alpha}.");
        if (!(spec.SrmThreshold > 0 && spec.SrmThreshold < 1)) Fail($"the SRM threshold must be in (0, 1), not {spec.SrmThreshold}.");
        if (!(spec.SequentialTuning > 0)) Fail($"the sequential tuning sample size must be positive, not {spec.SequentialTuning}.");
        if (spec.TopSegmentValues < 1) Fail($"the number of segment values shown must be at least 1, not {spec.TopSegmentValues}.");
        if (spec.Winsorization is { } w && !(w.Percentile > 0 && w.Percentile <= 100))
        {
            Fail($"the winsorization percentile must be in (0, 100], not {w.Percentile}.");
        }

        if (spec.IntendedSplit is { } split)
        {
            foreach (var (variant, weight) in split.Where(kv => !(kv.Value > 0)))
            {
                Fail($"variant '{variant}' has intended weight {weight}; weights must be positive.");
            }

            if (!split.ContainsKey(spec.ControlVariant)) Fail($"the intended split does not include the control variant '{spec.ControlVariant}'.");
        }

        foreach (var duplicate in metrics.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Fail($"metric {duplicate.Key} is defined {duplicate.Count()} times; define each metric once.");
        }

        foreach (var metric in metrics)
        {
            if (metric.Kind == MetricKind.Ratio && string.IsNullOrWhiteSpace(metric.Denominator))
            {
                Fail($"ratio metric {metric.Column} needs a denominator column.");
            }

            if (metric.Kind != MetricKind.Ratio && metric.Denominator is not null)
            {
                Fail($"metric {metric.Column} is a {metric.Kind.ToString().ToLowerInvariant()} and cannot have a denominator ({metric.Denominator}); make it a ratio metric.");
            }

            foreach (var column in new[] { metric.Column, metric.Denominator }.OfType<string>().Where(c => !log.HasOutcome(c)))
            {
                issues.Add(new ValidationIssue(IssueCode.UnknownMetricColumn, IssueSeverity.Error,
                    $"Experiment '{spec.Name}': metric {metric.Name} reads column '{column}', which is not an outcome column of the log (available: {string.Join(", ", log.OutcomeColumns)}).",
                    Column: column));
            }
        }

        if (spec.SegmentAttribute is { } attribute && !log.SegmentAttributes.Contains(attribute))
        {
            issues.Add(new ValidationIssue(IssueCode.UnknownSegmentAttribute, IssueSeverity.Error,
                $"Experiment '{spec.Name}': segment attribute '{attribute}' is not a column of the log (available: {string.Join(", ", log.SegmentAttributes)}).",
                Column: attribute));
        }

        return issues;
    }
}
