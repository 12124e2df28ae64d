using System.Collections.Concurrent;

namespace Studio.Analysis.Artifacts;

/// <summary>
/// Runs one computation per key at a time: callers that ask while it runs await the same task instead of starting
/// their own. The computation does not take a caller's cancellation (it would cancel the others' result); each caller
/// stops waiting on its own token. The key is forgotten once the task ends, so a failure is not cached.
/// </summary>
public sealed class SingleFlight<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _running = new();

    public async Task<TValue> RunAsync(TKey key, Func<Task<TValue>> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var flight = new Lazy<Task<TValue>>(() => RunAndForgetAsync(key, compute));
        var shared = _running.GetOrAdd(key, flight);
        return await shared.Value.WaitAsync(cancellationToken);
    }

    private async Task<TValue> RunAndForgetAsync(TKey key, Func<Task<TValue>> compute)
    {
        try
        {
            // Runs on the first caller's context, as an unshared call would; the others await its task.
            return await compute();
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }
}
