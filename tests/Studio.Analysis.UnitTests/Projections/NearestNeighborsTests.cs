using Studio.Analysis.Projections;
using Studio.TestData;

namespace Studio.Analysis.UnitTests.Projections;

public sealed class NearestNeighborsTests
{
    private static readonly PointMatrix Line = PointMatrix.FromRows([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [6.0, 0.0], [0.0, 10.0]]);

    [Fact]
    public void Query_Euclidean_NearestFirstWithDistances()
    {
        var neighbours = NearestNeighbors.Query(Line, 1, 3, DistanceMetric.Euclidean);
        Assert.Equal([0, 2, 3], neighbours.Select(n => n.Index));
        Assert.Equal([1.0, 2.0, 5.0], neighbours.Select(n => n.Distance));
    }

    [Fact]
    public void Query_Cosine_RanksByAngleNotLength()
    {
        var points = PointMatrix.FromRows([[1.0, 0.0], [100.0, 1.0], [0.1, 0.1], [0.0, 5.0]]);
        var neighbours = NearestNeighbors.Query(points, 0, 3, DistanceMetric.Cosine);
        Assert.Equal([1, 2, 3], neighbours.Select(n => n.Index));
        Assert.Equal(1 - Math.Sqrt(0.5), neighbours[1].Distance, 12);
        Assert.Equal(1.0, neighbours[2].Distance, 12);
    }

    [Theory]
    [InlineData(DistanceMetric.Euclidean)]
    [InlineData(DistanceMetric.Cosine)]
    public void Build_MatchesQueryForEveryRow(DistanceMetric metric)
    {
        var (points, _) = GaussianBlobs.Generate(400, 6, 3, seed: 6);
        var graph = NearestNeighbors.Build(points, 7, metric);
        foreach (var row in new[] { 0, 17, 233, 399 })
        {
            var expected = NearestNeighbors.Query(points, row, 7, metric);
            Assert.Equal(expected.Select(n => n.Index), graph.NeighborsOf(row).ToArray());
            for (var t = 0; t < 7; t++) Assert.Equal(expected[t].Distance, graph.DistancesOf(row)[t], 9);
        }
    }
}
