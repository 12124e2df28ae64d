using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class MergeRepeatsTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Customer a: i1 view → click → cart, i2 view, i1 view again; customer b: i1 view, i1 purchase.</summary>
    private static InteractionLog Funnel()
    {
        var rows = new List<(string Customer, string Item, string Type, int Minute)>
        {
            ("a", "i1", "view", 0), ("a", "i1", "click", 1), ("b", "i1", "view", 1), ("a", "i1", "cart", 2),
            ("a", "i2", "view", 3), ("b", "i1", "purchase", 4), ("a", "i1", "view", 9),
        };
        return new InteractionLog(rows.Select(r => r.Customer).ToList(), rows.Select(r => r.Item).ToList(), rows.Select(r => T0.AddMinutes(r.Minute)).ToList())
        {
            EventTypes = rows.Select(r => r.Type).ToList(),
        };
    }

    [Fact]
    public void Build_MergeRepeats_ConsecutiveSameItemIsOneInteractionWithLastType()
    {
        var data = SequenceDataset.Build(new SequenceSpec { MaxLength = 4, MergeRepeatedItems = true }, Funnel());
        var v = data.Vocabulary;

        Assert.Equal(3, data.Histories.EventCount("a"));
        Assert.Equal(1, data.Histories.EventCount("b"));
        Assert.Equal(0, data.Train.ContextCount);
        var test = data.Test.Context(0);
        Assert.Equal("i1", v.ItemName((int)test.PositiveItem));
        Assert.Equal(["", "", "i1", "i2"], test.Items.Select(i => v.ItemName((int)i)));
        Assert.Equal(["", "", "cart", "view"], test.Types.Select(t => v.EventTypeName((int)t)));
        Assert.Equal("i2", v.ItemName((int)data.Validation.Context(0).PositiveItem));
    }

    [Fact]
    public void Build_WithoutMerging_EveryEventStays()
    {
        var data = SequenceDataset.Build(new SequenceSpec { MaxLength = 4 }, Funnel());

        Assert.Equal(5, data.Histories.EventCount("a"));
        Assert.Equal(2, data.Histories.EventCount("b"));
        Assert.Equal("i1", data.Vocabulary.ItemName((int)data.Test.Context(0).PositiveItem));
    }
}
