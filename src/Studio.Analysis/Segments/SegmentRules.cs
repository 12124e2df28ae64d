using System.Globalization;
using System.Text.Json.Serialization;

namespace Studio.Analysis.Segments;

/// <summary>
/// A rule segment: every rule must hold (AND) for a row of the customers dataset version <see cref="DatasetId"/>.
/// Score rules read the score set <see cref="ScoreSetId"/> (a model's scores of customers, joined on the key).
/// </summary>
public sealed record SegmentDefinition(int DatasetId, IReadOnlyList<SegmentRule> Rules, int? ScoreSetId = null);

/// <summary>One condition on a customer. Missing values never satisfy a range or in-list rule.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NumericRangeRule), "range")]
[JsonDerivedType(typeof(CategoryInRule), "in")]
[JsonDerivedType(typeof(DateRangeRule), "dates")]
[JsonDerivedType(typeof(MissingRule), "missing")]
[JsonDerivedType(typeof(ScoreRangeRule), "score")]
[JsonDerivedType(typeof(RfmRule), "rfm")]
public abstract record SegmentRule
{
    public abstract string Describe();

    protected static string Bounds(double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) => string.Create(CultureInfo.CurrentCulture, $"between {lo:G6} and {hi:G6}"),
        ({ } lo, null) => string.Create(CultureInfo.CurrentCulture, $"≥ {lo:G6}"),
        (null, { } hi) => string.Create(CultureInfo.CurrentCulture, $"≤ {hi:G6}"),
        _ => "any value",
    };
}

/// <summary>Min ≤ value ≤ Max (either bound optional).</summary>
public sealed record NumericRangeRule(string Column, double? Min, double? Max) : SegmentRule
{
    public override string Describe() => $"{Column} {Bounds(Min, Max)}";
}

/// <summary>The value is one of <see cref="Values"/> (exact, case-sensitive).</summary>
public sealed record CategoryInRule(string Column, IReadOnlyList<string> Values) : SegmentRule
{
    public override string Describe() => $"{Column} in {{{string.Join(", ", Values)}}}";
}

/// <summary>From ≤ date ≤ To (either bound optional; whole days when the bounds are dates).</summary>
public sealed record DateRangeRule(string Column, DateTimeOffset? From, DateTimeOffset? To) : SegmentRule
{
    public override string Describe() =>
        $"{Column} from {From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"} to {To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}";
}

/// <summary>The value is missing (<see cref="Missing"/> true) or present.</summary>
public sealed record MissingRule(string Column, bool Missing) : SegmentRule
{
    public override string Describe() => Missing ? $"{Column} is missing" : $"{Column} is not missing";
}

/// <summary>Min ≤ model score ≤ Max, from the definition's score set; customers without a score never match.</summary>
public sealed record ScoreRangeRule(double? Min, double? Max) : SegmentRule
{
    public override string Describe() => $"propensity {Bounds(Min, Max)}";
}

/// <summary>Min ≤ RFM quintile score (1-5, 5 best) ≤ Max for one of recency, frequency, monetary.</summary>
public sealed record RfmRule(RfmDimension Dimension, int Min, int Max) : SegmentRule
{
    public override string Describe() => $"{Dimension} score {Min}-{Max}";
}

public enum RfmDimension
{
    Recency,
    Frequency,
    Monetary,
}
