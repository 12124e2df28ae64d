using System.Diagnostics;
using Studio.Analysis.Projections;
using Studio.TestData;
using Xunit.Abstractions;

namespace Studio.Analysis.UnitTests.Projections;

public sealed class TsneTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_FiveThousandBlobPoints_TrustworthinessAtLeastPointNine()
    {
        var (points, _) = GaussianBlobs.Generate(5000, 32, 6, seed: 11);
        var clock = Stopwatch.StartNew();
        var embedding = Tsne.Fit(points, new TsneSpec(Iterations: 500, Seed: 1));
        var fitted = clock.Elapsed;
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        output.WriteLine($"t-SNE 5k: {fitted.TotalSeconds:F1} s, trustworthiness {quality.Trustworthiness:F4}, recall {quality.KnnRecall:F4}");
        Assert.Equal(5000, embedding.Rows);
        Assert.Equal(2, embedding.Columns);
        Assert.True(quality.Trustworthiness >= 0.9, $"trustworthiness {quality.Trustworthiness}");
    }
}
