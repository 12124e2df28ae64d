using Studio.Analysis.Clustering;
using Studio.Analysis.Projections;
using Studio.TestData;

namespace Studio.Analysis.UnitTests.Clustering;

public sealed class SilhouetteTests
{
    [Theory]
    [InlineData(DistanceMetric.Euclidean, "euclidean")]
    [InlineData(DistanceMetric.Cosine, "cosine")]
    public void Score_FixedExample_MatchesSklearn(DistanceMetric metric, string key)
    {
        var reference = SklearnReference.Section("silhouette");
        var score = Silhouette.Score(SklearnReference.Matrix(reference.GetProperty("points")),
            SklearnReference.Ints(reference.GetProperty("labels")), new SilhouetteOptions(Metric: metric));
        Assert.Equal(reference.GetProperty(key).GetDouble(), score, 1e-9);
    }

    [Fact]
    public void Score_SampledOnLargeData_CloseToExact()
    {
        var (points, labels) = GaussianBlobs.Generate(3000, 8, 4, seed: 5, std: 4.0);
        var exact = Silhouette.Score(points, labels);
        var sampled = Silhouette.Score(points, labels, new SilhouetteOptions(ExactLimit: 1000, SampleSize: 600, Seed: 1));
        Assert.InRange(exact, 0.1, 0.9);
        Assert.Equal(exact, sampled, 0.03);
    }

    [Fact]
    public void Score_SingleCluster_Throws()
    {
        var (points, _) = GaussianBlobs.Generate(10, 2, 1, seed: 1);
        Assert.Throws<ArgumentException>(() => Silhouette.Score(points, new int[10]));
    }
}
