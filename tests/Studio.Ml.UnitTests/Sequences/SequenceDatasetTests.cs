using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Training;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class SequenceDatasetTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Customer a: a1..a5 with a5 30 min after a4, a4 2 days after a3, a3 40 days after a2, a2 5 hours after a1.
    /// Customer b: two events. Customer c: three events. Rows are shuffled so the builder has to sort by time.
    /// </summary>
    private static InteractionLog Log()
    {
        var rows = new List<(string Customer, string Item, string Category, string Type, DateTime At)>
        {
            ("a", "i3", "y", "view", T0.AddHours(5 + (40 * 24))),
            ("a", "i1", "x", "view", T0),
            ("b", "i2", "x", "view", T0.AddHours(1)),
            ("a", "i2", "x", "cart", T0.AddHours(5)),
            ("a", "i5", "y", "purchase", T0.AddHours(5 + (42 * 24)).AddMinutes(30)),
            ("c", "i6", "z", "view", T0.AddDays(1)),
            ("a", "i4", "y", "purchase", T0.AddHours(5 + (42 * 24))),
            ("b", "i6", "z", "view", T0.AddHours(2)),
            ("c", "i7", "z", "view", T0.AddDays(2)),
            ("c", "i8", "z", "cart", T0.AddDays(3)),
        };
        return new InteractionLog(rows.Select(r => r.Customer).ToList(), rows.Select(r => r.Item).ToList(), rows.Select(r => r.At).ToList())
        {
            Categories = rows.Select(r => r.Category).ToList(),
            EventTypes = rows.Select(r => r.Type).ToList(),
        };
    }

    [Fact]
    public void Build_LeaveOneOut_LastEventTestsSecondLastValidatesShortCustomersOnlyTrain()
    {
        var data = SequenceDataset.Build(new SequenceSpec { MaxLength = 6 }, Log());
        var v = data.Vocabulary;

        Assert.Equal(["i5", "i8"], Positives(data.Test, v));
        Assert.Equal(["i4", "i7"], Positives(data.Validation, v));
        Assert.Equal(["i2", "i3", "i6"], Positives(data.Train, v).Order());
    }

    [Fact]
    public void Build_LeftPadding_MostRecentEventInLastSlotWithGapBuckets()
    {
        var data = SequenceDataset.Build(new SequenceSpec { MaxLength = 6, Padding = SequencePadding.Left }, Log());
        var context = data.Test.Context(0);

        Assert.Equal(["", "", "i1", "i2", "i3", "i4"], context.Items.Select(i => data.Vocabulary.ItemName((int)i)));
        Assert.Equal([false, false, true, true, true, true], context.Mask);
        Assert.Equal(["", "", "view", "cart", "view", "purchase"], context.Types.Select(t => data.Vocabulary.EventTypeName((int)t)));

        // Time to the target a5: a1 and a2 over 30 days, a3 2 days (< 1 week), a4 30 minutes (< 1 hour).
        Assert.Equal([0L, 0, 5, 5, 3, 1], context.Gaps);
    }

    [Fact]
    public void Build_RightPaddingShortWindow_OldestKeptEventInSlotZero()
    {
        var right = SequenceDataset.Build(new SequenceSpec { MaxLength = 6, Padding = SequencePadding.Right }, Log());
        var short3 = SequenceDataset.Build(new SequenceSpec { MaxLength = 3 }, Log());

        Assert.Equal(["i1", "i2", "i3", "i4", "", ""], right.Test.Context(0).Items.Select(i => right.Vocabulary.ItemName((int)i)));
        Assert.Equal(["i2", "i3", "i4"], short3.Test.Context(0).Items.Select(i => short3.Vocabulary.ItemName((int)i)));
    }

    [Fact]
    public void Build_ThreeNegatives_PositiveFirstThenDistinctCatalogueItemsSameForSameSeed()
    {
        var spec = new SequenceSpec { MaxLength = 4, NegativesPerPositive = 3, EvaluationNegatives = 2, Seed = 9 };
        var data = SequenceDataset.Build(spec, Log());
        var again = SequenceDataset.Build(spec, Log());

        Assert.Equal(4 * data.Train.ContextCount, data.Train.ExampleCount);
        Assert.Equal(3 * data.Test.ContextCount, data.Test.ExampleCount);
        for (var e = 0; e < data.Train.ExampleCount; e++)
        {
            var (context, candidate, label) = data.Train.Example(e);
            var positive = data.Train.Context(context).PositiveItem;
            Assert.Equal(e % 4 == 0 ? 1f : 0f, label);
            Assert.True(e % 4 == 0 ? candidate == positive : candidate != positive && candidate is >= 1 and <= 8);
            Assert.Equal(again.Train.Example(e), data.Train.Example(e));
        }
    }

    [Fact]
    public void Build_ByTime_TargetsAfterTheCutsValidateAndTest()
    {
        // Span is 42 days + 5.5 hours; test = last 10% (after ~day 38), validation = the 50% before (after ~day 17).
        var data = SequenceDataset.Build(new SequenceSpec { Split = new SequenceSplitSpec { Kind = SequenceSplitKind.ByTime, TestFraction = 0.1, ValidationFraction = 0.5 } }, Log());

        Assert.Equal(["i3", "i4", "i5"], Positives(data.Test, data.Vocabulary));
        Assert.Empty(Positives(data.Validation, data.Vocabulary));
        Assert.Equal(["i2", "i6", "i7", "i8"], Positives(data.Train, data.Vocabulary).Order());
    }

    [Fact]
    public void PopularityBaseline_TrainTargetCounts_RanksTestTargetsByFrequency()
    {
        var data = SequenceDataset.Build(new SequenceSpec(), Log());

        // Training targets: i2, i3 and i6 once each; the test targets i5 and i8 never, so every other catalogue item
        // scores at least as high and ties count against the target: rank 8 of 8.
        Assert.Equal(1, data.TrainItemFrequency[data.Vocabulary.ItemIndex("i6")]);
        Assert.Equal(0, data.TrainItemFrequency[data.Vocabulary.ItemIndex("i5")]);
        Assert.Equal([8, 8], PopularityBaseline.Ranks(data.TrainItemFrequency, data.Test));
    }

    [Fact]
    public void Build_ColumnsOfDifferentLength_ThrowsNamingTheProblem()
    {
        var log = new InteractionLog(["a", "a"], ["i1"], [T0, T0]);

        var error = Assert.Throws<ArgumentException>(() => SequenceDataset.Build(new SequenceSpec(), log));
        Assert.Contains("same length", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(23.9, 2)]
    [InlineData(48, 3)]
    [InlineData(24 * 8, 4)]
    [InlineData(24 * 30, 5)]
    public void TimeGapBuckets_Hours_LogScaleBucket(double hours, int bucket)
    {
        Assert.Equal(bucket, TimeGapBuckets.Bucket(TimeSpan.FromHours(hours)));
    }

    private static List<string> Positives(SequenceExamples examples, SequenceVocabulary vocabulary) =>
        Enumerable.Range(0, examples.ContextCount).Select(c => vocabulary.ItemName((int)examples.Context(c).PositiveItem)).ToList();
}
