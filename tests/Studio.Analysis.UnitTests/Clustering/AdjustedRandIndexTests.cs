using Studio.Analysis.Clustering;

namespace Studio.Analysis.UnitTests.Clustering;

public sealed class AdjustedRandIndexTests
{
    [Fact]
    public void Compute_FixedExample_MatchesSklearn()
    {
        var reference = SklearnReference.Section("ari");
        var value = AdjustedRandIndex.Compute(SklearnReference.Ints(reference.GetProperty("truth")),
            SklearnReference.Ints(reference.GetProperty("predicted")));
        Assert.Equal(reference.GetProperty("value").GetDouble(), value, 1e-9);
    }

    [Fact]
    public void Compute_RenamedIdenticalPartition_IsOne()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute([0, 0, 1, 1, 2], [5, 5, 9, 9, 1]), 12);
    }

    [Fact]
    public void Compute_ChanceAgreement_NearZero()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 20_000).Select(_ => random.Next(5)).ToArray();
        var b = Enumerable.Range(0, 20_000).Select(_ => random.Next(5)).ToArray();
        Assert.InRange(AdjustedRandIndex.Compute(a, b), -0.01, 0.01);
    }
}
