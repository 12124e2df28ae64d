namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>A metric with the log columns it reads (<see cref="Denominator"/> only for ratios).</summary>
internal sealed record MetricColumns(MetricSpec Spec, double[] Values, double[]? Denominator);
