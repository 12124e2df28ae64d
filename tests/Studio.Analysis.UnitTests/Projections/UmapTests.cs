using System.Diagnostics;
using Studio.Analysis.Projections;
using Studio.TestData;
using Xunit.Abstractions;

namespace Studio.Analysis.UnitTests.Projections;

public sealed class UmapTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_FiveThousandBlobPoints_TrustworthinessAtLeastPointNine()
    {
        var (points, _) = GaussianBlobs.Generate(5000, 32, 6, seed: 11);
        var clock = Stopwatch.StartNew();
        // 200 epochs (umap-learn's default above 10k points) keeps the test short; the benchmark runs the full 500.
        var embedding = Umap.Fit(points, new UmapSpec(Epochs: 200, Seed: 1));
        var fitted = clock.Elapsed;
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        output.WriteLine($"UMAP 5k x 32, 200 epochs: {fitted.TotalSeconds:F1} s, trustworthiness {quality.Trustworthiness:F4}");
        Assert.Equal(2, embedding.Columns);
        Assert.True(quality.Trustworthiness >= 0.9, $"trustworthiness {quality.Trustworthiness}");
    }

    [Theory]
    [InlineData(DistanceMetric.Euclidean, 2)]
    [InlineData(DistanceMetric.Cosine, 3)]
    public void Fit_SameSeed_SameLayoutAndBlobsSeparated(DistanceMetric metric, int dims)
    {
        var (points, labels) = GaussianBlobs.Generate(800, 10, 4, seed: 4);
        var spec = new UmapSpec(Dimensions: dims, Metric: metric, Epochs: 200, Seed: 9);
        var first = Umap.Fit(points, spec);
        var second = Umap.Fit(points, spec);
        Assert.Equal(first.Values.ToArray(), second.Values.ToArray());
        Assert.NotEqual(first.Values.ToArray(), Umap.Fit(points, spec with { Seed = 10 }).Values.ToArray());
        Assert.True(TsneTests.NearestBlobAgreement(first, labels) >= 0.99);
    }

    [Theory]
    [InlineData(0.1, 1.0, 1.5769434603113077, 0.8950608781227859)]
    [InlineData(0.5, 1.0, 0.5830300199676289, 1.3341669931033755)]
    public void CurveFit_MinDist_MatchesUmapLearn(double minDist, double spread, double a, double b)
    {
        var (fittedA, fittedB) = UmapCurve.Fit(spread, minDist);
        Assert.Equal(a, fittedA, 1e-3);
        Assert.Equal(b, fittedB, 1e-3);
    }
}
