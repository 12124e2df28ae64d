using System.Diagnostics;
using System.Globalization;
using Studio.Analysis.Projections;
using Studio.TestData;

namespace Studio.Benchmarks;

/// <summary>Wall-clock runs of the projection algorithms (a one-shot timing, not BenchmarkDotNet: each run takes seconds).</summary>
internal static class ProjectionBenchmarks
{
    public static async Task<int> RunAsync(string command, string[] args)
    {
        var rows = IntOption(args, "--rows", 10_000);
        var (points, _) = GaussianBlobs.Generate(rows, 32, 6, seed: 42);
        if (command is "tsne" or "projections") RunTsne(points);
        if (command is "umap" or "projections") RunUmap(points);
        await Task.CompletedTask;
        return 0;
    }

    private static void RunTsne(PointMatrix points)
    {
        var clock = Stopwatch.StartNew();
        var embedding = Tsne.Fit(points, new TsneSpec(Seed: 1));
        var seconds = clock.Elapsed.TotalSeconds;
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tsne rows={points.Rows} seconds={seconds:F2} trustworthiness={quality.Trustworthiness:F4} recall={quality.KnnRecall:F4}"));
    }

    private static void RunUmap(PointMatrix points)
    {
        var clock = Stopwatch.StartNew();
        var embedding = Umap.Fit(points, new UmapSpec(Seed: 1));
        var seconds = clock.Elapsed.TotalSeconds;
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"umap rows={points.Rows} seconds={seconds:F2} trustworthiness={quality.Trustworthiness:F4} recall={quality.KnnRecall:F4}"));
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
