using System.Collections.Concurrent;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Ingest;
using Studio.Data.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>
/// Profiles once per dataset version: versions never change, so the profile is cached by dataset id for the life
/// of the process. Unparseable cells come from the import report saved with the version, when there is one.
/// </summary>
public sealed class ProfileCache(DatasetRepository datasets, DatasetProfiler profiler, DatasetArtifacts artifacts)
{
    private readonly ConcurrentDictionary<int, DatasetProfile> _profiles = new();

    public DatasetProfile? Cached(int datasetId) => _profiles.GetValueOrDefault(datasetId);

    public async Task<DatasetProfile?> GetAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        if (_profiles.TryGetValue(datasetId, out var cached)) return cached;
        if (await datasets.FindAsync(datasetId, cancellationToken) is not { } dataset) return null;
        var report = await artifacts.LoadAsync<ImportReport>(datasetId, DatasetArtifacts.ImportReport, cancellationToken);
        var profile = await profiler.ProfileAsync(dataset, report, cancellationToken);
        return _profiles.GetOrAdd(datasetId, profile);
    }
}
