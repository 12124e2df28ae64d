using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Studio.Ml.Training;
using TorchSharp;

namespace Studio.Benchmarks.Throughput;

/// <summary>
/// Issue 4's performance benchmark. Each contender runs in its own child process so that its peak memory is its own:
/// Studio's pipeline (table → encoder → tensors → batches → metrics → progress), the bare TorchSharp loop over the
/// same tensors, and (when python3-torch is installed) the same architecture in PyTorch.
/// </summary>
internal static class ThroughputBenchmark
{
    private const string ResultPrefix = "RESULT ";

    public static int Run(string[] args)
    {
        var options = new BenchArguments(args);
        var rows = options.Integer("rows", 1_000_000);
        var epochs = options.Integer("epochs", 2);
        var threads = options.Integer("threads", Environment.ProcessorCount);
        switch (options.Text("part"))
        {
            case "bare":
                return Report(RunBare(rows, epochs, threads));
            case "pipeline":
                return Report(RunPipeline(rows, epochs, threads));
        }

        Console.WriteLine($"train-throughput: {rows:N0} rows, {epochs} epochs, {threads} threads, batch {ThroughputData.BatchSize}, MLP 256-128, 16-dim embeddings");
        var common = $"--rows {rows} --epochs {epochs} --threads {threads}";
        var repeats = options.Integer("repeat", 1);
        var bareRuns = new List<Dictionary<string, double>>();
        var pipelineRuns = new List<Dictionary<string, double>>();
        for (var i = 0; i < repeats; i++)
        {
            // Alternate, so that load from other processes on a shared machine hits both alike.
            bareRuns.Add(Child($"train-throughput --part bare {common}"));
            pipelineRuns.Add(Child($"train-throughput --part pipeline {common}"));
        }

        var bare = Best(bareRuns);
        var pipeline = Best(pipelineRuns);
        var python = Python(rows, epochs, threads);
        Print("bare TorchSharp loop", bare);
        Print("Studio pipeline", pipeline);
        Print("PyTorch (Debian python3-torch)", python);
        var ratio = pipeline["train_samples_per_s"] / bare["train_samples_per_s"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline / bare loop (training phase): {ratio:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline / bare loop (whole run incl. encoding, validation, test): {pipeline["wall_samples_per_s"] / bare["train_samples_per_s"]:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline / bare loop (samples per CPU-second; pipeline's CPU includes encoding, validation, test): {pipeline["cpu_samples_per_s"] / bare["cpu_samples_per_s"]:P1}"));
        if (python is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline / PyTorch: {pipeline["train_samples_per_s"] / python["train_samples_per_s"]:P1}"));
        }

        return 0;
    }

    private static Dictionary<string, double> RunBare(int rows, int epochs, int threads)
    {
        NativeMemory.ReturnLargeBuffersToTheSystem(); // as the pipeline does, so peak memory compares like with like
        torch.set_num_threads(threads);
        torch.manual_seed(42);
        var (codes, labels) = ThroughputData.Generate(rows, seed: 1);
        var trainRows = (int)Math.Round(rows * 0.9);
        var cpu = CpuSeconds();
        var speed = BareLoop.SamplesPerSecond(codes, labels, trainRows, epochs);
        return new()
        {
            ["train_samples_per_s"] = speed,
            ["cpu_samples_per_s"] = trainRows * (double)epochs / (CpuSeconds() - cpu),
            ["peak_mb"] = PeakMegabytes(),
        };
    }

    private static Dictionary<string, double> RunPipeline(int rows, int epochs, int threads)
    {
        var (codes, labels) = ThroughputData.Generate(rows, seed: 1);
        var table = ThroughputData.AsTable(codes, labels);
        var reports = 0;
        var progress = new CountingProgress(() => reports++);
        var clock = Stopwatch.StartNew();
        var cpu = CpuSeconds();
        var result = new ModelTrainer().Train(ThroughputData.Spec(epochs), table, new TrainingOptions { ThreadCount = threads }, progress);
        var wall = clock.Elapsed;
        var cpuSeconds = CpuSeconds() - cpu;
        using var model = result.Model;
        return new()
        {
            ["train_samples_per_s"] = result.Timings.TrainSamplesPerSecond,
            ["wall_samples_per_s"] = result.Split.Train.Length * (double)epochs / wall.TotalSeconds,
            ["cpu_samples_per_s"] = result.Split.Train.Length * (double)epochs / cpuSeconds,
            ["preparation_s"] = result.Timings.Preparation.TotalSeconds,
            ["validation_s"] = result.Timings.Validation.TotalSeconds,
            ["test_auc"] = result.TestMetrics["auc"],
            ["progress_reports"] = reports,
            ["peak_mb"] = PeakMegabytes(),
        };
    }

    /// <summary>The run with the highest training speed: the one least disturbed by other processes.</summary>
    private static Dictionary<string, double> Best(List<Dictionary<string, double>> runs) =>
        runs.MaxBy(r => r["train_samples_per_s"])!;

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static int Report(Dictionary<string, double> result)
    {
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    private static Dictionary<string, double> Child(string arguments)
    {
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, $"\"{typeof(ThroughputBenchmark).Assembly.Location}\" {arguments}")
            : new ProcessStartInfo(self, arguments);
        return RunForResult(start) ?? throw new InvalidOperationException($"'{arguments}' printed no result.");
    }

    private static Dictionary<string, double>? Python(int rows, int epochs, int threads)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "peers", "throughput.py");
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script))
        {
            return null;
        }

        return RunForResult(new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" --rows {rows} --epochs {epochs} --threads {threads}"));
    }

    private static Dictionary<string, double>? RunForResult(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        return line is null ? null : JsonSerializer.Deserialize<Dictionary<string, double>>(line[ResultPrefix.Length..]);
    }

    private static void Print(string name, Dictionary<string, double>? result)
    {
        if (result is null)
        {
            Console.WriteLine($"{name,-32} (not available)");
            return;
        }

        Console.WriteLine($"{name,-32} " + string.Join(", ", result.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:0.###}"))));
    }

    private sealed class CountingProgress(Action onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport();
    }
}
