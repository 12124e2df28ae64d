using Studio.Ml.Projections.Vectors;

namespace Studio.Ml.Projections.Jobs;

/// <summary>
/// Keeps the last few loaded vector sets in memory, so neighbour queries after a projection (and re-projections with
/// other parameters) do not reload the checkpoint and rescan the dataset. Keyed by source and checkpoint version.
/// </summary>
public sealed class VectorCache(VectorSourceLoader loader)
{
    private const int Capacity = 3;
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, EntityVectors Vectors)> _entries = new();

    public async Task<EntityVectors> GetAsync(VectorSourceSpec source, string sourceVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = FormattableString.Invariant($"{source.TrainingRunId}|{source.Key}|{sourceVersion}");
        lock (_gate)
        {
            var hit = _entries.FirstOrDefault(e => e.Key == key);
            if (hit.Vectors is not null)
            {
                _entries.Remove(hit);
                _entries.AddFirst(hit);
                return hit.Vectors;
            }
        }
        var vectors = await loader.LoadAsync(source, cancellationToken);
        lock (_gate)
        {
            _entries.AddFirst((key, vectors));
            while (_entries.Count > Capacity) _entries.RemoveLast();
        }
        return vectors;
    }
}
