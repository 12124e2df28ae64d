using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Projections;
using Studio.Ml.Projections;
using Studio.TestData;

namespace Studio.Benchmarks;

/// <summary>
/// Wall-clock runs of the projections (one-shot timings, not BenchmarkDotNet: each run takes seconds). Besides wall
/// time each line shows the process CPU time, since the machine is shared. Subcommands: pca, tsne, umap, projections (all).
/// </summary>
internal static class ProjectionBenchmarks
{
    public static async Task<int> RunAsync(string command, string[] args)
    {
        var rows = IntOption(args, "--rows", 10_000);
        if (command is "pca" or "projections") RunPca(IntOption(args, "--pca-rows", 100_000));
        var (points, _) = GaussianBlobs.Generate(rows, 32, 6, seed: 42);
        if (command is "tsne" or "projections")
        {
            var ours = Projection("tsne", points, () => Tsne.Fit(points, new TsneSpec(Seed: 1)));
            if (!args.Contains("--skip-sklearn")) await CompareWithSklearnAsync(points, ours);
        }
        if (command is "umap" or "projections") Projection("umap", points, () => Umap.Fit(points, new UmapSpec(Seed: 1)));
        return 0;
    }

    private static void RunPca(int rows)
    {
        var (points, _) = GaussianBlobs.Generate(rows, 64, 6, seed: 7);
        for (var run = 1; run <= 3; run++)
        {
            var (seconds, cpu, pca) = Timed(() => Pca.Fit(points, 2));
            Print($"pca run={run} rows={rows} columns=64 seconds={seconds:F3} cpu_seconds={cpu:F3} explained_ratio={pca.ExplainedVarianceRatio[0]:F4},{pca.ExplainedVarianceRatio[1]:F4}");
        }
    }

    private static (double Seconds, double Trustworthiness) Projection(string name, PointMatrix points, Func<PointMatrix> fit)
    {
        var (seconds, cpu, embedding) = Timed(fit);
        var quality = ProjectionQualityMeasure.Measure(points, embedding, k: 10);
        Print($"{name} rows={points.Rows} columns={points.Columns} seconds={seconds:F2} cpu_seconds={cpu:F2} trustworthiness={quality.Trustworthiness:F4} knn_recall={quality.KnnRecall:F4}");
        return (seconds, quality.Trustworthiness);
    }

    private static async Task CompareWithSklearnAsync(PointMatrix points, (double Seconds, double Trustworthiness) ours)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "peers", "sklearn_tsne.py");
        var data = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(data, System.Runtime.InteropServices.MemoryMarshal.AsBytes(points.Values).ToArray());
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { script, data, points.Rows.ToString(CultureInfo.InvariantCulture), points.Columns.ToString(CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Print($"sklearn_tsne skipped: exit {process.ExitCode}: {(await stderr).Trim()}");
                return;
            }
            using var result = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]);
            var peer = result.RootElement;
            var seconds = peer.GetProperty("seconds").GetDouble();
            Print($"sklearn_tsne version={peer.GetProperty("version").GetString()} rows={points.Rows} seconds={seconds:F2} cpu_seconds={peer.GetProperty("cpu_seconds").GetDouble():F2} trustworthiness={peer.GetProperty("trustworthiness").GetDouble():F4}");
            Print($"tsne_vs_sklearn time_ratio={ours.Seconds / seconds:F2} (studio/sklearn) trustworthiness_difference={ours.Trustworthiness - peer.GetProperty("trustworthiness").GetDouble():+0.0000;-0.0000}");
        }
        finally
        {
            File.Delete(data);
        }
    }

    private static (double Seconds, double CpuSeconds, T Result) Timed<T>(Func<T> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = action();
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds, result);
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
