using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Studio.Analysis.Recipes;
using Studio.Ml.Training;

namespace Studio.Benchmarks.Load;

/// <summary>
/// Issue 20's bar for concurrent analysts, over loopback HTTP against the real app (started here on a free port with
/// a temporary data folder, stopped at the end): <c>clients</c> clients read datasets, profiles, rows, pages and jobs
/// while a model trains, for at most <c>seconds</c> or <c>requests</c> requests; then 10 recipe applies on one dataset
/// at once, each of which must answer 201 (a new version) or 409. Prints errors, p50/p95/max and the CPU model.
/// Usage: <c>load [--app PATH/Studio.Web.dll] [--clients 20] [--seconds 30] [--requests 600]</c>.
/// </summary>
public static class ConcurrencyLoadTest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Option(args, "--app") ?? Path.Combine(RepositoryRoot(), "src", "Studio.Web", "bin", "Release", "net10.0", "Studio.Web.dll");
        if (!File.Exists(app)) app = app.Replace("Release", "Debug", StringComparison.Ordinal);
        var clients = int.Parse(Option(args, "--clients") ?? "20", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var maxRequests = int.Parse(Option(args, "--requests") ?? "600", CultureInfo.InvariantCulture);
        var dataDir = Path.Combine(Path.GetTempPath(), "studio-load-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        Console.WriteLine($"CPU: {CpuModel()} ({Environment.ProcessorCount} logical cores); app {app}");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", baseUrl]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["STUDIO_DATA_DIR"] = dataDir;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Web mode signs in: the administrator is created through the one-time setup link the app prints, and the
            // client keeps its cookie; state-changing calls carry the cross-site header.
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60),
            };
            http.DefaultRequestHeaders.Add("X-Studio-Request", "1");
            await CreateAdministratorAsync(http, log);
            var (workspaceId, customers) = await WaitForDemoAsync(http);
            var training = await http.PostAsJsonAsync("/api/runs", new
            {
                WorkspaceId = workspaceId,
                DatasetId = customers,
                Name = "load-test",
                Spec = new TrainingSpec
                {
                    TargetColumn = "purchased_next_30d",
                    CategoricalColumns = ["gender", "region", "channel", "income_band", "loyalty_tier", "email_opt_in"],
                    NumericColumns = ["age", "city_tier"],
                    Model = new ModelSpec { Kind = ModelKind.Mlp, HiddenSizes = [64, 32] },
                    Epochs = 30,
                    EarlyStopping = null,
                },
            }, Json);
            Console.WriteLine($"training started: HTTP {(int)training.StatusCode}");

            string[] paths =
            [
                $"/api/workspaces/{workspaceId}/datasets", $"/api/datasets/{customers}", $"/api/datasets/{customers}/profile",
                $"/api/datasets/{customers}/rows?offset=100&limit=100", $"/data/{customers}", "/api/jobs",
            ];
            var results = new List<(string Path, int Status, double Ms)>();
            var issued = 0;
            var stopAt = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                for (var i = client; stopAt.Elapsed.TotalSeconds < seconds && Interlocked.Increment(ref issued) <= maxRequests; i++)
                {
                    var path = paths[i % paths.Length];
                    var clock = Stopwatch.StartNew();
                    int status;
                    try
                    {
                        using var response = await http.GetAsync(path);
                        await response.Content.LoadIntoBufferAsync();
                        status = (int)response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        status = 0;
                    }
                    lock (results) results.Add((path, status, clock.Elapsed.TotalMilliseconds));
                }
            })));
            var jobs = await http.GetStringAsync("/api/jobs");
            Report(results, stopAt.Elapsed, jobs.Contains("\"Running\"", StringComparison.Ordinal));

            var applies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
            {
                using var response = await http.PostAsJsonAsync($"/api/datasets/{customers}/recipe/apply",
                    new Recipe([new ImputeStep("age", ImputeMethod.Median)]), Json);
                var body = await response.Content.ReadAsStringAsync();
                return ((int)response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32() : 0);
            })));
            var versions = applies.Where(a => a.Item1 == 201).Select(a => a.Item2).Order().ToList();
            Console.WriteLine($"10 concurrent recipe applies: {versions.Count} x 201 (versions {string.Join(", ", versions)}), " +
                $"{applies.Count(a => a.Item1 == 409)} x 409, other: {string.Join(", ", applies.Where(a => a.Item1 is not (201 or 409)).Select(a => a.Item1))}");
            var ok = results.All(r => r.Status is >= 200 and < 300) && applies.All(a => a.Item1 is 201 or 409)
                && versions.Distinct().Count() == versions.Count;
            Console.WriteLine(ok ? "PASS: no errors, every apply a new version or a 409" : "FAIL");
            return ok ? 0 : 1;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static void Report(List<(string Path, int Status, double Ms)> results, TimeSpan elapsed, bool stillTraining)
    {
        var ms = results.Select(r => r.Ms).Order().ToArray();
        double P(double q) => ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} requests in {elapsed.TotalSeconds:F1} s, errors {results.Count(r => r.Status is < 200 or >= 300)}, " +
            $"p50 {P(0.5):F0} ms, p95 {P(0.95):F0} ms, max {ms[^1]:F0} ms; model still training at the end: {stillTraining}"));
        foreach (var group in results.GroupBy(r => r.Path))
        {
            var g = group.Select(r => r.Ms).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-48} n={g.Length,4} errors={group.Count(r => r.Status is < 200 or >= 300)} p95={g[Math.Min(g.Length - 1, (int)Math.Ceiling(0.95 * g.Length) - 1)]:F0} ms"));
        }
    }

    private static async Task CreateAdministratorAsync(HttpClient http, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var deadline = Stopwatch.StartNew();
        System.Text.RegularExpressions.Match? link = null;
        while (link is null && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            link = log.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"Open (\S+/setup/[A-Za-z0-9_-]+) once")).FirstOrDefault(m => m.Success);
            if (link is null) await Task.Delay(200);
        }
        if (link is null) throw new InvalidOperationException("The app printed no setup link.");
        var path = new Uri(link.Groups[1].Value).PathAndQuery;
        var form = await http.GetStringAsync(path);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var created = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "load-admin", ["Input.Password"] = "load test password", ["Input.Confirm"] = "load test password",
            ["__RequestVerificationToken"] = token, ["_handler"] = "setup",
        }));
        if (created.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Setup answered {created.StatusCode}.");
    }

    private static async Task<(int WorkspaceId, int CustomersId)> WaitForDemoAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                var workspaces = await http.GetFromJsonAsync<JsonElement>("/api/workspaces");
                if (workspaces.GetArrayLength() > 0)
                {
                    var id = workspaces[0].GetProperty("id").GetInt32();
                    var datasets = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{id}/datasets");
                    foreach (var d in datasets.EnumerateArray())
                        if (d.GetProperty("name").GetString() == "customers") return (id, d.GetProperty("id").GetInt32());
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("The demo workspace did not appear within 3 minutes.");
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
