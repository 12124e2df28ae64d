using System.Text.Json;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>
/// Which dataset columns feed the analysis. <see cref="ExperimentColumn"/> + <see cref="ExperimentValue"/> select one
/// experiment out of a log that holds several.
/// </summary>
public sealed record ExperimentMapping(
    string UnitId,
    string Variant,
    string AssignedAt,
    string? Converted = null,
    string? Revenue = null,
    string? PreCovariate = null,
    IReadOnlyList<string>? Segments = null,
    string? ExperimentColumn = null,
    string? ExperimentValue = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    public static ExperimentMapping FromJson(string json) =>
        JsonSerializer.Deserialize<ExperimentMapping>(json, ExperimentJson.Options)
        ?? throw new JsonException("The experiment mapping is empty.");

    /// <summary>Every mapped column name (for checking that the dataset still has them).</summary>
    public IEnumerable<(string Role, string Column)> Columns()
    {
        yield return ("unit id", UnitId);
        yield return ("variant", Variant);
        yield return ("assignment time", AssignedAt);
        if (Converted is not null) yield return ("conversion", Converted);
        if (Revenue is not null) yield return ("revenue", Revenue);
        if (PreCovariate is not null) yield return ("pre-period covariate", PreCovariate);
        foreach (var s in Segments ?? []) yield return ("segment attribute", s);
        if (ExperimentColumn is not null) yield return ("experiment name", ExperimentColumn);
    }
}

/// <summary>The analysis options an analyst can set on a stored experiment (turned into an <see cref="ExperimentSpec"/>).</summary>
public sealed record ExperimentOptions(
    double Alpha = 0.05,
    MultipleTestingCorrection Correction = MultipleTestingCorrection.Holm,
    double? WinsorizationPercentile = null,
    string? SegmentAttribute = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ExperimentJson.Options);

    public static ExperimentOptions FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<ExperimentOptions>(json, ExperimentJson.Options) ?? new();

    public ExperimentSpec ToSpec(string name, string control, IReadOnlyDictionary<string, double>? split) => new(name, control, split)
    {
        Alpha = Alpha,
        Correction = Correction,
        RevenueWinsorization = WinsorizationPercentile is { } p ? new WinsorizationSpec(p) : null,
        SegmentAttribute = string.IsNullOrWhiteSpace(SegmentAttribute) ? null : SegmentAttribute,
    };
}
