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
        var embedding = Tsne.Fit(points, new TsneSpec(Iterations: 400, Seed: 1));
        var fitted = clock.Elapsed;
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        output.WriteLine($"t-SNE 5k x 32, 400 iterations: {fitted.TotalSeconds:F1} s, trustworthiness {quality.Trustworthiness:F4}");
        Assert.Equal(5000, embedding.Rows);
        Assert.Equal(2, embedding.Columns);
        Assert.True(quality.Trustworthiness >= 0.9, $"trustworthiness {quality.Trustworthiness}");
    }

    [Fact]
    public void Fit_ThreeDimensions_SameSeedSameResultAndBlobsSeparated()
    {
        var (points, labels) = GaussianBlobs.Generate(600, 10, 3, seed: 2);
        var spec = new TsneSpec(Dimensions: 3, Perplexity: 20, Iterations: 300, Seed: 5);
        var first = Tsne.Fit(points, spec);
        var second = Tsne.Fit(points, spec);
        Assert.Equal(3, first.Columns);
        Assert.Equal(first.Values.ToArray(), second.Values.ToArray());
        Assert.True(ProjectionQualityMeasure.Trustworthiness(points, first, 10) >= 0.9);
        Assert.True(NearestBlobAgreement(first, labels) >= 0.99);
    }

    [Fact]
    public void Fit_ReportsProgressToOneAndHonoursCancellation()
    {
        var (points, _) = GaussianBlobs.Generate(300, 5, 2, seed: 3);
        var reports = new List<double>();
        Tsne.Fit(points, new TsneSpec(Perplexity: 10, Iterations: 100), new SyncProgress(reports.Add));
        Assert.Equal(1.0, reports[^1], 9);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second >= p.First));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Tsne.Fit(points, new TsneSpec(Perplexity: 10), null, cancelled.Token));
    }

    [Fact]
    public void Spec_AutoLearningRate_IsSklearnFormula()
    {
        Assert.Equal(10_000 / 12.0 / 4.0, new TsneSpec().LearningRateFor(10_000), 12);
        Assert.Equal(50, new TsneSpec().LearningRateFor(1000), 12);
        Assert.Equal(200, new TsneSpec(LearningRate: 200).LearningRateFor(10_000), 12);
    }

    /// <summary>Share of points whose nearest embedded neighbour has the same label.</summary>
    internal static double NearestBlobAgreement(PointMatrix embedding, int[] labels)
    {
        var graph = NearestNeighbors.Build(embedding, 1);
        return Enumerable.Range(0, embedding.Rows).Count(i => labels[graph.NeighborsOf(i)[0]] == labels[i]) / (double)embedding.Rows;
    }
}

/// <summary>Records progress synchronously (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SyncProgress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
