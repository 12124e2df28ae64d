using Studio.Data.Datasets;
using Studio.Data.Models;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Service;

namespace Studio.Ml.Sequences.Service;

/// <summary>
/// Serves the attention of a finished sequence run to the viewer and the API: loads its checkpoint and re-reads its
/// events dataset version once, keeps the most recently used run, and runs every request on the thread pool one at
/// a time (the model is not thread-safe), so a circuit never blocks on scoring. A newer checkpoint of the same run
/// (a run still training saves its best epochs) is loaded again.
/// </summary>
public sealed class AttentionService(TrainingRunStore runs, DatasetRepository datasets, SequenceEventsLoader loader) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    /// <summary>Customers with events the model knows whose id contains <paramref name="search"/> (case-insensitive), in log order.</summary>
    public Task<IReadOnlyList<string>> CustomersAsync(int runId, string? search, int limit = 20, CancellationToken cancellationToken = default) =>
        WithAsync(runId, loaded => (IReadOnlyList<string>)loaded.Histories.CustomerIds
            .Where(id => string.IsNullOrWhiteSpace(search) || id.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(id => loaded.Histories.EventCount(id) > 0)
            .Take(limit).ToList(), cancellationToken);

    /// <exception cref="KeyNotFoundException">Unknown customer or candidate.</exception>
    public Task<CustomerAttention> ExplainAsync(int runId, string customerId, string candidateItemId, CancellationToken cancellationToken = default) =>
        WithAsync(runId, loaded => loaded.Explainer.Explain(customerId, candidateItemId), cancellationToken);

    /// <exception cref="KeyNotFoundException">Unknown customer.</exception>
    public Task<IReadOnlyList<CandidateExplanation>> TopCandidatesAsync(int runId, string customerId, int count = 10, int eventsPerCandidate = 3, CancellationToken cancellationToken = default) =>
        WithAsync(runId, loaded => loaded.Explainer.TopCandidates(customerId, Math.Clamp(count, 1, 100), Math.Clamp(eventsPerCandidate, 1, 50)), cancellationToken);

    public Task<AttentionAggregates> AggregateAsync(int runId, int maxCustomers = 2000, CancellationToken cancellationToken = default) =>
        WithAsync(runId, loaded => loaded.Explainer.Aggregate(Math.Clamp(maxCustomers, 1, 1_000_000)), cancellationToken);

    /// <summary>The catalogue the model ranks (item ids, or categories for a next-category model).</summary>
    public Task<IReadOnlyList<string>> CatalogueAsync(int runId, CancellationToken cancellationToken = default) =>
        WithAsync(runId, loaded => loaded.Model.Vocabulary.Items, cancellationToken);

    private async Task<T> WithAsync<T>(int runId, Func<Loaded, T> read, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var run = await runs.FindAsync(runId, cancellationToken) ?? throw new KeyNotFoundException($"Training run {runId} does not exist.");
            var stamp = run.CheckpointPath is { } saved && File.Exists(saved) ? File.GetLastWriteTimeUtc(saved) : DateTime.MinValue;
            if (_loaded is null || _loaded.RunId != runId || _loaded.CheckpointStamp != stamp)
            {
                var next = await LoadAsync(run, stamp, cancellationToken);
                _loaded?.Dispose();
                _loaded = next;
            }

            var loaded = _loaded;
            return await Task.Run(() => read(loaded), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Loads the run's checkpoint as of <paramref name="stamp"/> (a run still training may have saved a best epoch).</summary>
    private async Task<Loaded> LoadAsync(TrainingRun run, DateTime stamp, CancellationToken cancellationToken)
    {
        var runId = run.Id;
        var spec = SequenceTrainingService.SpecOf(run) ?? throw new InvalidOperationException($"Run {runId} is a {run.ModelKind} model, not a behaviour-sequence model.");
        if (run.CheckpointPath is not { } path || !File.Exists(path))
        {
            throw new InvalidOperationException($"Run {runId} is {run.Status} and has no checkpoint yet.");
        }

        var dataset = await datasets.FindAsync(run.DatasetId, cancellationToken)
            ?? throw new InvalidOperationException($"The events dataset {run.DatasetId} of run {runId} no longer exists.");
        var log = await loader.LoadAsync(dataset, spec, cancellationToken);
        return await Task.Run(
            () =>
            {
                var model = SequenceCheckpoint.Load(path);
                try
                {
                    var histories = model.HistoriesOf(log);
                    return new Loaded(runId, stamp, model, histories, new AttentionExplainer(model, histories));
                }
                catch
                {
                    model.Dispose();
                    throw;
                }
            },
            cancellationToken);
    }

    public void Dispose()
    {
        _loaded?.Dispose();
        _gate.Dispose();
    }

    private sealed record Loaded(int RunId, DateTime CheckpointStamp, TrainedSequenceModel Model, CustomerHistories Histories, AttentionExplainer Explainer) : IDisposable
    {
        public void Dispose() => Model.Dispose();
    }
}
