using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Microsoft.Extensions.DependencyInjection;
using Studio.Analysis;
using Studio.Analysis.Ingest;
using Studio.Analysis.Profiling;
using Studio.Core.Datasets;
using Studio.Data;
using Studio.Data.Storage;
using Studio.Data.Workspaces;

namespace Studio.Benchmarks.Ingest;

/// <summary>
/// End-to-end ingest of an events CSV with Stopwatch timings: parse and type only (a dry run), then parse, type and
/// store in SQLite, then profile. Peak memory is the process's peak working set after each stage.
/// </summary>
public static class IngestBenchmark
{
    public sealed record Options(string Stage, int GenerateRows, int Repeat, bool Ablate)
    {
        public static Options Parse(string[] args)
        {
            var stage = "all";
            var rows = EventsCsvGenerator.DefaultRows;
            var repeat = 1;
            var ablate = args.Contains("--ablate");
            args = [.. args.Where(a => a != "--ablate")];
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--stage") stage = args[i + 1];
                else if (args[i] == "--rows") rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                else if (args[i] == "--repeat") repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                else throw new ArgumentException($"Unknown option {args[i]}.");
            }
            return new Options(stage, rows, repeat, ablate);
        }
    }

    public static async Task<int> RunAsync(string file, Options options)
    {
        if (!File.Exists(file)) EventsCsvGenerator.WriteAndSay(file, options.GenerateRows);
        var exceptions = 0;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (Interlocked.Increment(ref exceptions) == 1) Console.WriteLine("first exception: " + e.Exception);
        };
        var dataDir = Path.Combine(Path.GetTempPath(), "studio-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var services = new ServiceCollection().AddLogging()
            .AddStudioData(new StudioStorageOptions { DataDir = dataDir })
            .AddStudioAnalysis(new IngestOptions { MaxUploadBytes = 8L << 30 })
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
            var workspaceId = await CreateWorkspaceAsync(services);
            var importer = services.GetRequiredService<IDatasetImporter>();
            var baseRequest = new ImportRequest(workspaceId, file, "events", DatasetRole.Events, Path.GetFileName(file));
            Console.WriteLine($"file {file}: {new FileInfo(file).Length / 1e6:F1} MB");

            for (var run = 1; run <= options.Repeat; run++)
            {
                if (options.Repeat > 1) Console.WriteLine($"run {run} of {options.Repeat}");
                var request = baseRequest with { DatasetName = "events-" + run.ToString(CultureInfo.InvariantCulture) };
                if (options.Stage is "all" or "sep")
                {
                    var (rows, seconds) = await TimeAsync(() => Task.FromResult(SepBaseline(file)));
                    Say("Sep read only (baseline, no typing)", rows, seconds);
                }
                if (options.Stage is "all" or "parse")
                {
                    var (report, seconds) = await TimeAsync(() => importer.ValidateAsync(request, null, CancellationToken.None));
                    Say("parse+type", report.Rows, seconds);
                    Console.WriteLine("  types: " + string.Join(", ", report.Columns.Select(c => $"{c.Name}={c.Type}")));
                    if (options.Ablate) IngestAblation.Run(file, report, importer);
                }
                if (options.Stage is "all" or "import" or "profile")
                {
                    var (result, seconds) = await TimeAsync(() => importer.ImportWithReportAsync(request, null, CancellationToken.None));
                    Say("ingest (parse+type+SQLite)", result.Dataset.RowCount, seconds);
                    if (options.Stage is "all" or "profile")
                    {
                        var profiler = services.GetRequiredService<DatasetProfiler>();
                        var (profile, profileSeconds) = await TimeAsync(() => profiler.ProfileAsync(result.Dataset, result.Report));
                        Say("profile", profile.RowCount, profileSeconds);
                        if (options.Ablate)
                        {
                            var loader = services.GetRequiredService<DatasetFrameLoader>();
                            var (frame, loadSeconds) = await TimeAsync(() => loader.LoadAsync(result.Dataset));
                            Say("  profile part: load typed DataFrame from SQLite", frame.Rows.Count, loadSeconds);
                            var (_, statSeconds) = await TimeAsync(() => Task.FromResult(DatasetProfiler.Profile(result.Dataset, frame, result.Report)));
                            Say("  profile part: statistics over the frame", frame.Rows.Count, statSeconds);
                        }
                        Console.WriteLine($"  duplicate rows {profile.DuplicateRowCount:N0}, warnings {profile.Warnings.Count}, " +
                                          $"revenue mean {profile.Columns.Single(c => c.Name == "revenue").Numeric?.Mean:F4}");
                    }
                }
            }
            Console.WriteLine($"first-chance exceptions: {exceptions:N0}");
            return 0;
        }
        finally
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>What the parser alone costs: every field touched, nothing typed.</summary>
    private static long SepBaseline(string file)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true }).FromFile(file);
        long rows = 0, chars = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++) chars += row[i].Span.Length;
            rows++;
        }
        return chars > 0 ? rows : 0;
    }

    /// <summary>Wall-clock and CPU seconds: on a shared machine CPU time is the steadier figure.</summary>
    private static async Task<(T Result, (double Wall, double Cpu) Seconds)> TimeAsync<T>(Func<Task<T>> run)
    {
        GC.Collect();
        var cpu = CpuSeconds();
        var watch = Stopwatch.StartNew();
        var result = await run();
        return (result, (watch.Elapsed.TotalSeconds, CpuSeconds() - cpu));
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static void Say(string stage, long rows, (double Wall, double Cpu) seconds)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stage}: {rows:N0} rows in {seconds.Wall:F2} s wall = {rows / seconds.Wall:N0} rows/s; " +
            $"{seconds.Cpu:F2} s CPU = {rows / seconds.Cpu:N0} rows/CPU-s; peak working set so far {process.PeakWorkingSet64 / 1048576.0:F0} MB"));
    }

    private static async Task<int> CreateWorkspaceAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        await using var context = await factory.CreateDbContextAsync();
        var workspace = new Workspace { Name = "bench", CreatedAt = DateTimeOffset.UtcNow };
        context.Workspaces.Add(workspace);
        await context.SaveChangesAsync();
        return workspace.Id;
    }
}
