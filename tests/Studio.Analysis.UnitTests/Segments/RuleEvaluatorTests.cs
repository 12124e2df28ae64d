using Studio.Analysis.Segments;

namespace Studio.Analysis.UnitTests.Segments;

public sealed class RuleEvaluatorTests
{
    private static readonly CustomerTable Table = SegmentTestTable.Create();

    private static int[] Match(params SegmentRule[] rules) =>
        SegmentTestTable.Rows(RuleEvaluator.Evaluate(new SegmentDefinition(1, rules), Table, null));

    [Fact]
    public void NumericRange_InclusiveBounds_MissingNeverMatches() =>
        Assert.Equal([1, 2, 3], Match(new NumericRangeRule("age", 30, 50)));

    [Fact]
    public void NumericRange_OpenUpperBound_KeepsEverythingAbove() =>
        Assert.Equal([3, 5], Match(new NumericRangeRule("age", 45, null)));

    [Fact]
    public void CategoryIn_TwoValues_MatchesEitherAndSkipsMissing() =>
        Assert.Equal([1, 3], Match(new CategoryInRule("region", ["south", "east"])));

    [Fact]
    public void Boolean_AsCategory_MatchesTrue() =>
        Assert.Equal([0, 2, 3], Match(new CategoryInRule("opt_in", ["true"])));

    [Fact]
    public void DateRange_BothBounds_InclusiveAndSkipsMissingDate() =>
        Assert.Equal([1, 2, 4], Match(new DateRangeRule("signup",
            new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void Missing_TrueAndFalse_SplitTheRows()
    {
        Assert.Equal([4], Match(new MissingRule("age", true)));
        Assert.Equal([0, 1, 2, 3, 5], Match(new MissingRule("age", false)));
    }

    [Fact]
    public void SeveralRules_AllMustHold() =>
        Assert.Equal([0, 2], Match(new CategoryInRule("region", ["north"]), new NumericRangeRule("age", null, 45)));

    [Fact]
    public void ScoreRange_UsesAlignedScores_UnscoredNeverMatch()
    {
        double[] scores = [0.9, 0.2, double.NaN, 0.5, 0.75, 0.1];
        var mask = RuleEvaluator.Evaluate(new SegmentDefinition(1, [new ScoreRangeRule(0.5, 1.0)], 7), Table, scores);
        Assert.Equal([0, 3, 4], SegmentTestTable.Rows(mask));
    }

    [Fact]
    public void Rfm_FrequencyScoreThreeToFive_SelectsFrequentBuyers() =>
        // frequency 12, 8, 8, 3, 1, 0 → 1 + floor(5 × below / 6) = 5, 3, 3, 2, 1, 1
        Assert.Equal([0, 1, 2], Match(new RfmRule(RfmDimension.Frequency, 3, 5)));

    [Fact]
    public void Validate_UnknownColumnWrongKindAndBadBounds_NamesEachRule()
    {
        var definition = new SegmentDefinition(1,
        [
            new NumericRangeRule("height", 1, 2),
            new NumericRangeRule("region", 1, 2),
            new NumericRangeRule("age", 50, 20),
            new CategoryInRule("region", []),
            new ScoreRangeRule(0.5, null),
            new RfmRule(RfmDimension.Recency, 4, 2),
        ]);
        var problems = RuleEvaluator.Validate(definition, Table, hasScores: false);
        Assert.Equal(6, problems.Count);
        Assert.StartsWith("Rule 1: the dataset has no column 'height'", problems[0], StringComparison.Ordinal);
        Assert.Contains("'region' is category, not numeric", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Rule 3: the minimum 50 is above the maximum 20", problems[2], StringComparison.Ordinal);
        Assert.Contains("pick at least one value", problems[3], StringComparison.Ordinal);
        Assert.Contains("choose a model score set", problems[4], StringComparison.Ordinal);
        Assert.Contains("RFM scores run from 1 to 5", problems[5], StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RuleEvaluator.Evaluate(definition, Table, null));
    }

    [Fact]
    public void Definition_JsonRoundTrip_KeepsRuleKinds()
    {
        var definition = new SegmentDefinition(3, [new NumericRangeRule("age", 1, null), new RfmRule(RfmDimension.Monetary, 5, 5),
            new DateRangeRule("signup", null, DateTimeOffset.UnixEpoch)], 9);
        var json = SegmentJson.Serialize(definition);
        var back = SegmentJson.TryReadDefinition(json);
        Assert.NotNull(back);
        Assert.Contains("\"kind\":\"rfm\"", json, StringComparison.Ordinal);
        Assert.Equal(definition.Rules, back.Rules);
        Assert.Equal(9, back.ScoreSetId);
    }
}
