using System.Collections.Concurrent;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Ingest;
using Studio.Data.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>
/// Profiles once per dataset version: versions never change, so the profile is kept in memory by dataset id and
/// saved beside the version (<see cref="DatasetArtifacts"/>), so a restart reads it back instead of recomputing.
/// Unparseable cells come from the import report saved with the version, when there is one. Requests that ask for
/// the same version while it is being profiled share that one computation (<see cref="SingleFlight{TKey,TValue}"/>).
/// </summary>
public sealed class ProfileCache(DatasetRepository datasets, DatasetProfiler profiler, DatasetArtifacts artifacts)
{
    /// <summary>The artifact name carries a format version: a changed profile shape is recomputed, not misread.</summary>
    public const string ArtifactName = "profile-v2";

    private readonly ConcurrentDictionary<int, DatasetProfile> _profiles = new();
    private readonly SingleFlight<int, DatasetProfile?> _computing = new();

    public DatasetProfile? Cached(int datasetId) => _profiles.GetValueOrDefault(datasetId);

    /// <summary>The in-memory profile, else the saved one (read from disk), else null; never computes.</summary>
    public async Task<DatasetProfile?> StoredAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        if (_profiles.TryGetValue(datasetId, out var cached)) return cached;
        var saved = await LoadSavedAsync(datasetId, cancellationToken);
        return saved is null ? null : _profiles.GetOrAdd(datasetId, saved);
    }

    public async Task<DatasetProfile?> GetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        if (await StoredAsync(datasetId, cancellationToken) is { } stored) return stored;
        return await _computing.RunAsync(datasetId, () => ComputeAsync(datasetId), cancellationToken);
    }

    /// <summary>How many profiles were computed (not read back) since start: once per version however many ask at once.</summary>
    public int Computed => _computed;

    private int _computed;

    private async Task<DatasetProfile?> ComputeAsync(int datasetId)
    {
        // A caller that arrived just after another flight finished finds its result here instead of computing again.
        if (await StoredAsync(datasetId, CancellationToken.None) is { } stored) return stored;
        if (await datasets.FindAsync(datasetId, CancellationToken.None) is not { } dataset) return null;
        var report = await artifacts.LoadAsync<ImportReport>(datasetId, DatasetArtifacts.ImportReport, CancellationToken.None);
        Interlocked.Increment(ref _computed);
        var profile = await profiler.ProfileAsync(dataset, report, CancellationToken.None);
        await artifacts.SaveAsync(datasetId, ArtifactName, profile, CancellationToken.None);
        return _profiles.GetOrAdd(datasetId, profile);
    }

    private async Task<DatasetProfile?> LoadSavedAsync(int datasetId, CancellationToken cancellationToken)
    {
        try
        {
            return await artifacts.LoadAsync<DatasetProfile>(datasetId, ArtifactName, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // a torn or foreign file: recompute and overwrite
        }
    }
}
