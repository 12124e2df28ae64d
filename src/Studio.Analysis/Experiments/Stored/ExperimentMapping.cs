using System.Text.Json;
using System.Text.Json.Serialization;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>What one row of the mapped dataset is.</summary>
public enum InputShape
{
    /// <summary>One row per unit: variant and outcomes (unit id and assignment time optional).</summary>
    Units,
    /// <summary>One row per variant: units (n) and, per metric, conversions or mean and SD.</summary>
    ArmTotals,
    /// <summary>One row per day and variant with the cumulative n and, per metric, conversions or mean and variance.</summary>
    DailyCumulative,
}

/// <summary>How the spread column of a mean metric in summary input is expressed.</summary>
public enum SpreadKind
{
    StandardDeviation,
    Variance,
}

/// <summary>
/// One metric of a stored experiment, named by its column. Unit rows: <see cref="Column"/> holds the value (0/1 for a
/// proportion), <see cref="Denominator"/> the ratio's denominator. Summary rows: a proportion's <see cref="Column"/>
/// holds the count of converted units, a mean's the mean, and <see cref="Spread"/> its SD or variance.
/// </summary>
public sealed record MappedMetric(
    string Column,
    MetricKind Kind,
    MetricRole Role = MetricRole.Primary,
    string? Denominator = null,
    string? Spread = null,
    SpreadKind SpreadKind = SpreadKind.StandardDeviation)
{
    public MetricSpec ToSpec() => new(Column, Kind, Role, Denominator);
}

/// <summary>
/// Which dataset columns feed the analysis. Only <see cref="Variant"/> and at least one metric are required;
/// without <see cref="UnitId"/> every row is a unit (named by its row number), without <see cref="AssignedAt"/> there is
/// no timeline. <see cref="ExperimentColumn"/> + <see cref="ExperimentValue"/> select one experiment out of a dataset
/// that holds several.
/// </summary>
public sealed record ExperimentMapping(
    string? UnitId,
    string Variant,
    string? AssignedAt,
    IReadOnlyList<MappedMetric> Metrics,
    string? PreCovariate = null,
    IReadOnlyList<string>? Segments = null,
    string? ExperimentColumn = null,
    string? ExperimentValue = null,
    InputShape Shape = InputShape.Units,
    string? Units = null,
    string? Day = null)
{
    private static readonly JsonSerializerOptions Strict = new(ExperimentJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    /// <summary>Reads a stored mapping. The migration "Experiments" rewrote every older mapping (converted/revenue
    /// columns) into this form, so unknown members are refused rather than silently dropped.</summary>
    public static ExperimentMapping FromJson(string json) =>
        JsonSerializer.Deserialize<ExperimentMapping>(json, Strict)
        ?? throw new JsonException("The experiment mapping is empty.");

    /// <summary>Every mapped column name (for checking that the dataset still has them).</summary>
    public IEnumerable<(string Role, string Column)> Columns()
    {
        if (UnitId is not null) yield return ("unit id", UnitId);
        yield return ("variant", Variant);
        if (AssignedAt is not null) yield return ("assignment time", AssignedAt);
        foreach (var m in Metrics ?? [])
        {
            yield return ($"{m.Kind.ToString().ToLowerInvariant()} metric", m.Column);
            if (m.Denominator is not null) yield return ("ratio denominator", m.Denominator);
            if (m.Spread is not null) yield return ("spread", m.Spread);
        }

        if (PreCovariate is not null) yield return ("pre-period covariate", PreCovariate);
        foreach (var s in Segments ?? []) yield return ("segment attribute", s);
        if (ExperimentColumn is not null) yield return ("experiment name", ExperimentColumn);
        if (Units is not null) yield return ("units (n)", Units);
        if (Day is not null) yield return ("day", Day);
    }

    /// <summary>Problems of the mapping itself (before any row is read), each naming the field.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Variant)) problems.Add(("mapping.variant", "A variant column is required."));
        if (Metrics is null || Metrics.Count == 0) problems.Add(("mapping.metrics", "At least one metric is required."));
        for (var i = 0; i < (Metrics?.Count ?? 0); i++)
        {
            var m = Metrics![i];
            var field = $"mapping.metrics[{i}]";
            if (string.IsNullOrWhiteSpace(m.Column)) problems.Add(($"{field}.column", "Each metric needs a column."));
            if (!Enum.IsDefined(m.Kind)) problems.Add(($"{field}.kind", $"Unknown metric kind {(int)m.Kind}."));
            if (!Enum.IsDefined(m.Role)) problems.Add(($"{field}.role", $"Unknown metric role {(int)m.Role}."));
            if (m.Kind == MetricKind.Ratio && string.IsNullOrWhiteSpace(m.Denominator)) problems.Add(($"{field}.denominator", $"Ratio metric {m.Column} needs a denominator column."));
            if (m.Kind != MetricKind.Ratio && m.Denominator is not null) problems.Add(($"{field}.denominator", $"Only a ratio metric has a denominator; {m.Column} is a {m.Kind}."));
            if (Shape != InputShape.Units && m.Kind == MetricKind.Ratio) problems.Add(($"{field}.kind", "Summary input supports proportion and mean metrics only (a ratio needs unit-level data)."));
            if (Shape != InputShape.Units && m.Kind == MetricKind.Mean && m.Spread is null) problems.Add(($"{field}.spread", $"Mean metric {m.Column} in summary input needs its SD or variance column."));
            if (Shape == InputShape.Units && m.Spread is not null) problems.Add(($"{field}.spread", "A spread column belongs to summary input only."));
        }

        if (Metrics?.GroupBy(m => m.ToSpec().Name).FirstOrDefault(g => g.Count() > 1) is { } twice) problems.Add(("mapping.metrics", $"Metric {twice.Key} is mapped twice."));
        if (!Enum.IsDefined(Shape)) problems.Add(("mapping.shape", $"Unknown input shape {(int)Shape}."));
        if (Shape != InputShape.Units && Units is null) problems.Add(("mapping.units", "Summary input needs the column that holds n (units per row)."));
        if (Shape == InputShape.DailyCumulative && Day is null) problems.Add(("mapping.day", "Daily cumulative input needs the day column."));
        if (Shape == InputShape.Units && (Units is not null || Day is not null)) problems.Add(("mapping.units", "Units and day columns belong to summary input only."));
        if (Shape != InputShape.Units && (UnitId is not null || PreCovariate is not null || (Segments?.Count ?? 0) > 0))
            problems.Add(("mapping.shape", "Summary input has no unit id, pre-period covariate or segment attributes."));
        if (ExperimentColumn is not null && string.IsNullOrWhiteSpace(ExperimentValue)) problems.Add(("mapping.experimentValue", $"Say which value of '{ExperimentColumn}' selects this experiment."));
        return problems;
    }
}

/// <summary>The analysis options an analyst can set on a stored experiment (turned into an <see cref="ExperimentSpec"/>).</summary>
public sealed record ExperimentOptions(
    double Alpha = 0.05,
    MultipleTestingCorrection Correction = MultipleTestingCorrection.Holm,
    double? WinsorizationPercentile = null,
    string? SegmentAttribute = null,
    double SrmThreshold = 0.001)
{
    private static readonly JsonSerializerOptions Strict = new(ExperimentJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    public static ExperimentOptions FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<ExperimentOptions>(json, Strict) ?? new();

    /// <summary>Out-of-range options, each naming the field.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var problems = new List<(string, string)>();
        if (!(Alpha > 0 && Alpha < 1)) problems.Add(("options.alpha", $"alpha must be in (0, 1), not {Alpha}."));
        if (!(SrmThreshold > 0 && SrmThreshold < 1)) problems.Add(("options.srmThreshold", $"the SRM threshold must be in (0, 1), not {SrmThreshold}."));
        if (WinsorizationPercentile is { } p && !(p > 0 && p <= 100)) problems.Add(("options.winsorizationPercentile", $"the winsorization percentile must be in (0, 100], not {p}."));
        if (!Enum.IsDefined(Correction)) problems.Add(("options.correction", $"unknown correction {(int)Correction}."));
        return problems;
    }

    public ExperimentSpec ToSpec(string name, string control, IReadOnlyDictionary<string, double>? split, IReadOnlyList<MetricSpec>? metrics = null) => new(name, control, split)
    {
        Alpha = Alpha,
        Correction = Correction,
        SrmThreshold = SrmThreshold,
        Winsorization = WinsorizationPercentile is { } p ? new WinsorizationSpec(p) : null,
        SegmentAttribute = string.IsNullOrWhiteSpace(SegmentAttribute) ? null : SegmentAttribute,
        Metrics = metrics,
    };
}
