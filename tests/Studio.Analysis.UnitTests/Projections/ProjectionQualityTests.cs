using Studio.Analysis.Projections;
using Studio.TestData;

namespace Studio.Analysis.UnitTests.Projections;

public sealed class ProjectionQualityTests
{
    [Theory]
    [InlineData(DistanceMetric.Euclidean, "value")]
    [InlineData(DistanceMetric.Cosine, "cosine")]
    public void Trustworthiness_FixedExample_MatchesSklearn(DistanceMetric metric, string key)
    {
        var reference = SklearnReference.Section("trustworthiness");
        var value = ProjectionQualityMeasure.Trustworthiness(SklearnReference.Matrix(reference.GetProperty("points")),
            SklearnReference.Matrix(reference.GetProperty("embedded")), reference.GetProperty("k").GetInt32(), metric);
        Assert.Equal(reference.GetProperty(key).GetDouble(), value, 1e-9);
    }

    [Fact]
    public void Measure_IdentityProjection_TrustworthinessAndRecallOne()
    {
        var (points, _) = GaussianBlobs.Generate(300, 4, 3, seed: 1);
        var quality = ProjectionQualityMeasure.Measure(points, points, k: 10);
        Assert.Equal(1.0, quality.Trustworthiness, 12);
        Assert.Equal(1.0, quality.KnnRecall, 12);
    }

    [Fact]
    public void Measure_RandomProjection_LowRecallAndTrustworthinessNearHalf()
    {
        var (points, _) = GaussianBlobs.Generate(600, 8, 1, seed: 2);
        var (noise, _) = GaussianBlobs.Generate(600, 2, 1, seed: 3);
        var quality = ProjectionQualityMeasure.Measure(points, noise, k: 10);
        Assert.InRange(quality.Trustworthiness, 0.4, 0.6);
        Assert.InRange(quality.KnnRecall, 0.0, 0.1);
    }

    [Fact]
    public void Measure_Sampled_CloseToExact()
    {
        var (points, _) = GaussianBlobs.Generate(2000, 8, 5, seed: 4, std: 3);
        var projected = PrincipalAxes.Project(points, 2);
        var exact = ProjectionQualityMeasure.Measure(points, projected, k: 10);
        var sampled = ProjectionQualityMeasure.Measure(points, projected, k: 10, sampleSize: 500, seed: 7);
        Assert.Equal(500, sampled.EvaluatedRows);
        Assert.Equal(exact.Trustworthiness, sampled.Trustworthiness, 0.01);
    }
}
