using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Training;

public sealed class DataSplitterTests
{
    private static FeatureTable Table(int rows) => new(
        new Dictionary<string, string?[]> { ["y"] = Enumerable.Range(0, rows).Select(i => i % 10 == 0 ? "yes" : (string?)"no").ToArray() },
        new Dictionary<string, double?[]>
        {
            ["x"] = Enumerable.Range(0, rows).Select(i => (double?)i).ToArray(),
            ["day"] = Enumerable.Range(0, rows).Select(i => (double?)(rows - i)).ToArray(),
        });

    private static TrainingSpec Spec(SplitSpec split) => new() { TargetColumn = "y", NumericColumns = ["x"], Split = split };

    [Fact]
    public void Stratified_TenPercentPositives_EverySplitKeepsTheRate()
    {
        var table = Table(1000);
        var split = DataSplitter.Split(Spec(new SplitSpec { Kind = SplitKind.Stratified, TrainRatio = 0.8, ValidationRatio = 0.1, TestRatio = 0.1 }), table);
        var labels = table.Categorical("y");

        Assert.Equal([800, 100, 100], new[] { split.Train.Length, split.Validation.Length, split.Test.Length });
        Assert.Equal(80, split.Train.Count(r => labels[r] == "yes"));
        Assert.Equal(10, split.Validation.Count(r => labels[r] == "yes"));
        Assert.Equal(10, split.Test.Count(r => labels[r] == "yes"));
        Assert.Empty(split.Train.Intersect(split.Test));
    }

    [Fact]
    public void Random_SameSeed_SameSplit_OtherSeed_Different()
    {
        var table = Table(500);
        var spec = Spec(new SplitSpec());
        Assert.Equal(DataSplitter.Split(spec, table).Test, DataSplitter.Split(spec, table).Test);
        Assert.NotEqual(DataSplitter.Split(spec, table).Test, DataSplitter.Split(spec with { Seed = 7 }, table).Test);
    }

    [Fact]
    public void ByTime_LatestRowsAreTest()
    {
        var table = Table(100);
        var split = DataSplitter.Split(Spec(new SplitSpec { Kind = SplitKind.ByTime, TimeColumn = "day", TrainRatio = 0.6, ValidationRatio = 0.2, TestRatio = 0.2 }), table);

        // day = 100 - row, so the latest days are the first rows.
        Assert.Equal(Enumerable.Range(0, 20), split.Test);
        Assert.Equal(Enumerable.Range(40, 60), split.Train);
    }

    [Fact]
    public void MissingTargets_AreLeftOut()
    {
        var table = new FeatureTable(
            new Dictionary<string, string?[]> { ["y"] = ["a", null, "b", "a", null, "b", "a", "b", "a", "b"] },
            new Dictionary<string, double?[]> { ["x"] = new double?[10] });
        var split = DataSplitter.Split(Spec(new SplitSpec()), table);
        Assert.Equal(8, split.Train.Length + split.Validation.Length + split.Test.Length);
        Assert.DoesNotContain(1, split.Train.Concat(split.Validation).Concat(split.Test));
    }
}
