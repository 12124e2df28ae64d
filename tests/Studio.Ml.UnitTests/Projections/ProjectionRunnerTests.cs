using Studio.Analysis.Projections;
using Studio.Ml.Projections;
using Studio.TestData;

namespace Studio.Ml.UnitTests.Projections;

public sealed class ProjectionRunnerTests
{
    [Theory]
    [InlineData(ProjectionMethod.Pca, 2)]
    [InlineData(ProjectionMethod.Tsne, 3)]
    [InlineData(ProjectionMethod.Umap, 2)]
    public void Run_EachMethod_CoordinatesQualityAndProgressToOne(ProjectionMethod method, int dims)
    {
        var (points, _) = GaussianBlobs.Generate(400, 8, 4, seed: 1);
        var reports = new List<double>();
        var request = new ProjectionRequest(method, dims, new TsneSpec(Perplexity: 15, Iterations: 300), new UmapSpec(Epochs: 100));

        var result = new ProjectionRunner().Run(points, request, new Recorder(reports));

        Assert.Equal(400, result.Coordinates.Rows);
        Assert.Equal(dims, result.Coordinates.Columns);
        Assert.Equal(400, result.Quality.EvaluatedRows);
        Assert.True(result.Quality.Trustworthiness >= 0.85, $"trustworthiness {result.Quality.Trustworthiness}");
        Assert.Equal(method == ProjectionMethod.Pca, result.Pca != null);
        Assert.Equal(1.0, reports[^1], 9);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second >= p.First - 1e-12), "progress must not go backwards");
    }

    [Fact]
    public void CacheKey_DiffersWhenAParameterChanges()
    {
        var a = new ProjectionRequest(ProjectionMethod.Tsne, Tsne: new TsneSpec(Perplexity: 30));
        var b = new ProjectionRequest(ProjectionMethod.Tsne, Tsne: new TsneSpec(Perplexity: 31));
        var c = new ProjectionRequest(ProjectionMethod.Tsne, Dimensions: 3, Tsne: new TsneSpec(Perplexity: 30));
        Assert.Equal(a.CacheKey, new ProjectionRequest(ProjectionMethod.Tsne, Tsne: new TsneSpec(Perplexity: 30)).CacheKey);
        Assert.Equal(3, new[] { a.CacheKey, b.CacheKey, c.CacheKey }.Distinct().Count());
        Assert.Contains("Perplexity = 31", b.CacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var (points, _) = GaussianBlobs.Generate(300, 8, 3, seed: 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ProjectionRunner().Run(points, new ProjectionRequest(ProjectionMethod.Umap), null, cancelled.Token));
    }

    private sealed class Recorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
