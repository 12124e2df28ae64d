using Studio.Analysis.Clustering;
using Studio.TestData;

namespace Studio.Analysis.UnitTests.Clustering;

public sealed class KMeansTests
{
    [Fact]
    public void Fit_TrueKOnSeparatedBlobs_RecoversLabelsWithAriAbovePointNineFive()
    {
        var (points, labels) = GaussianBlobs.Generate(3000, 16, 6, seed: 21);
        var fit = KMeans.Fit(points, new KMeansSpec(6, Restarts: 5, Seed: 3));
        Assert.True(AdjustedRandIndex.Compute(labels, fit.Labels) >= 0.95);
        Assert.Equal(6, fit.Labels.Distinct().Count());
    }

    [Fact]
    public void Fit_SameSeed_SameLabelsAndInertia()
    {
        var (points, _) = GaussianBlobs.Generate(800, 5, 4, seed: 2, std: 3.0);
        var first = KMeans.Fit(points, new KMeansSpec(4, Seed: 9));
        var second = KMeans.Fit(points, new KMeansSpec(4, Seed: 9));
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void Fit_Inertia_EqualsSumOfSquaredDistancesToOwnCentroid()
    {
        var (points, _) = GaussianBlobs.Generate(500, 3, 3, seed: 4, std: 2.0);
        var fit = KMeans.Fit(points, new KMeansSpec(3, Seed: 1));
        var expected = 0.0;
        for (var i = 0; i < points.Rows; i++)
            for (var d = 0; d < 3; d++)
            {
                var diff = points[i, d] - fit.Centroids[fit.Labels[i] * 3 + d];
                expected += diff * diff;
            }
        Assert.Equal(expected, fit.Inertia, 1e-6);
    }

    [Fact]
    public void ChooseK_Blobs_InertiaFallsAndSilhouettePeaksAtTrueK()
    {
        var (points, _) = GaussianBlobs.Generate(1200, 8, 4, seed: 8);
        var choices = KMeans.ChooseK(points, [2, 3, 4, 5, 6], new KMeansSpec(2, Restarts: 3, Seed: 1));
        Assert.Equal([2, 3, 4, 5, 6], choices.Select(c => c.K));
        for (var i = 1; i < choices.Count; i++) Assert.True(choices[i].Inertia < choices[i - 1].Inertia);
        Assert.Equal(4, choices.MaxBy(c => c.Silhouette)!.K);
    }
}
