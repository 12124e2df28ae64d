using Studio.Analysis.Segments;

namespace Studio.Web.Components.Pages.Segments;

public enum RuleKind
{
    Attribute,
    Propensity,
    Rfm,
}

/// <summary>What an attribute rule tests.</summary>
public enum AttributeTest
{
    Range,
    InList,
    IsMissing,
    NotMissing,
}

/// <summary>The rule builder's editable form of one rule; <see cref="ToRule"/> gives the immutable rule.</summary>
public sealed class RuleDraft
{
    public RuleKind Kind { get; set; }
    public string? Column { get; set; }
    public AttributeTest Test { get; set; } = AttributeTest.Range;
    public double? Min { get; set; }
    public double? Max { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public IReadOnlyList<string> Values { get; set; } = [];
    public RfmDimension Dimension { get; set; } = RfmDimension.Monetary;
    public int RfmMin { get; set; } = 4;
    public int RfmMax { get; set; } = 5;

    /// <summary>The rule, or null while the draft is incomplete (no column chosen yet).</summary>
    public SegmentRule? ToRule(AttributeInfo? column) => Kind switch
    {
        RuleKind.Propensity => new ScoreRangeRule(Min, Max),
        RuleKind.Rfm => new RfmRule(Dimension, RfmMin, RfmMax),
        _ when column is null => null,
        _ => Test switch
        {
            AttributeTest.IsMissing => new MissingRule(column.Name, true),
            AttributeTest.NotMissing => new MissingRule(column.Name, false),
            AttributeTest.InList => new CategoryInRule(column.Name, Values),
            _ when column.Kind == AttributeKind.Date => new DateRangeRule(column.Name, AsUtc(From), AsUtc(To, endOfDay: true)),
            _ => new NumericRangeRule(column.Name, Min, Max),
        },
    };

    /// <summary>Sets the test a new column starts with: ranges for numbers and dates, a value list for categories.</summary>
    public void ResetFor(AttributeInfo? column)
    {
        Test = column?.Kind == AttributeKind.Category ? AttributeTest.InList : AttributeTest.Range;
        (Min, Max, From, To, Values) = (null, null, null, null, []);
    }

    // A picked date means that whole day (UTC): the upper bound includes everything until midnight.
    private static DateTimeOffset? AsUtc(DateTime? date, bool endOfDay = false) => date is { } d
        ? new DateTimeOffset(DateTime.SpecifyKind(d.Date, DateTimeKind.Utc)) + (endOfDay ? TimeSpan.FromDays(1) - TimeSpan.FromTicks(1) : TimeSpan.Zero)
        : null;
}
