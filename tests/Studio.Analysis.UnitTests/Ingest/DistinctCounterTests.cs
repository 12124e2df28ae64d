using System.IO.Hashing;
using Studio.Analysis.Ingest;

namespace Studio.Analysis.UnitTests.Ingest;

public sealed class DistinctCounterTests
{
    private static ulong H(long i) => XxHash3.HashToUInt64(BitConverter.GetBytes(i));

    [Fact]
    public void Count_UpToExactLimit_Exact()
    {
        var counter = new DistinctCounter();
        for (var i = 0; i < 3 * DistinctCounter.ExactLimit; i++) counter.Add(H(i % DistinctCounter.ExactLimit));
        Assert.True(counter.IsExact);
        Assert.Equal(DistinctCounter.ExactLimit, counter.Count);
    }

    [Theory]
    [InlineData(60_000)]
    [InlineData(1_000_000)]
    public void Count_BeyondExactLimit_WithinThreePercent(int distinct)
    {
        var counter = new DistinctCounter();
        for (var i = 0; i < distinct; i++) counter.Add(H(i));
        for (var i = 0; i < distinct; i += 3) counter.Add(H(i)); // repeats change nothing
        Assert.False(counter.IsExact);
        Assert.InRange(counter.Count, distinct * 0.97, distinct * 1.03);
    }
}
