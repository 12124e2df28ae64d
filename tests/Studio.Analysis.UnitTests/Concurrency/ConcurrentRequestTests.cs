using Studio.Analysis.Artifacts;
using Studio.Analysis.Profiling;
using Studio.Analysis.Recipes;
using Studio.Data.Datasets;
using Studio.Data.Storage;

namespace Studio.Analysis.UnitTests.Concurrency;

/// <summary>Requests that arrive at the same moment: artifacts computed once and written safely, versions numbered without collisions.</summary>
public sealed class ConcurrentRequestTests : StudioTestBase
{
    private const int Callers = 20;

    private async Task<Dataset> ImportAsync()
    {
        var csv = "id,amount,segment\n" + string.Concat(Enumerable.Range(1, 2000).Select(i => $"{i},{i % 97},{(char)('a' + i % 5)}\n"));
        return (await Studio.ImportAsync(Studio.WriteFile("orders.csv", csv))).Dataset;
    }

    [Fact]
    public async Task ProfileCache_TwentyCallersAtOnce_ComputedOnceSameProfileNoTempFiles()
    {
        var dataset = await ImportAsync();
        var cache = Studio.Get<ProfileCache>();
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, Callers).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return cache.GetAsync(dataset.Id);
        })).ToList();
        start.Set();
        var profiles = await Task.WhenAll(calls);

        Assert.Equal(1, cache.Computed);
        Assert.All(profiles, p => Assert.Same(profiles[0], p));
        Assert.Equal(2000, profiles[0]!.Columns[1].PresentCount);
        var folder = Path.GetDirectoryName(Studio.Get<DatasetArtifacts>().PathOf(dataset.Id, ProfileCache.ArtifactName))!;
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task DatasetArtifacts_TwentyWritersOfOneArtifact_AllSucceedAndTheFileIsWhole()
    {
        var artifacts = Studio.Get<DatasetArtifacts>();
        var payload = Enumerable.Range(0, 50_000).ToArray(); // large enough that writes overlap
        using var start = new ManualResetEventSlim();

        var writes = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await artifacts.SaveAsync(7, "shared", payload);
        })).ToList();
        start.Set();
        await Task.WhenAll(writes); // a fixed ".tmp" name made some of these throw IOException (file in use / not found)

        Assert.Equal(payload, await artifacts.LoadAsync<int[]>(7, "shared"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(artifacts.PathOf(7, "shared"))!, "*.tmp"));
    }

    [Fact]
    public async Task RecipeApply_TenAtOnceOnOneDataset_EachANewVersionOrAConflict()
    {
        var source = await ImportAsync();
        var recipes = Studio.Get<RecipeService>();
        using var start = new ManualResetEventSlim();

        var applies = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return (Version: (await recipes.ApplyAsync(source.Id, new Recipe([new ImputeStep("amount", ImputeMethod.Median)]))).Version, Conflict: false);
            }
            catch (VersionConflictException)
            {
                return (Version: 0, Conflict: true);
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(applies);

        var versions = results.Where(r => !r.Conflict).Select(r => r.Version).Order().ToList();
        Assert.Equal(Enumerable.Range(2, versions.Count), versions); // consecutive, no duplicates
        Assert.Equal(10, versions.Count + results.Count(r => r.Conflict));
        var stored = (await Studio.Repository.ListAsync(Studio.WorkspaceId)).Where(d => d.Name == source.Name).ToList();
        Assert.Equal(1 + versions.Count, stored.Count);
    }

    [Fact]
    public async Task SingleFlight_FailedComputation_NotCachedNextCallRunsAgain()
    {
        var flight = new SingleFlight<int, int>();
        var runs = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => flight.RunAsync(1, () =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromException<int>(new InvalidOperationException("boom"));
        }));
        Assert.Equal(42, await flight.RunAsync(1, () =>
        {
            Interlocked.Increment(ref runs);
            return Task.FromResult(42);
        }));
        Assert.Equal(2, runs);
    }
}
