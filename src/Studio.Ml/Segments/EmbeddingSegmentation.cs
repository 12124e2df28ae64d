using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Clustering;
using Studio.Analysis.Projections;
using Studio.Analysis.Segments;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Data.Segments;
using Studio.Ml.Projections.Vectors;

namespace Studio.Ml.Segments;

/// <summary>Scan k = KMin..KMax over a run's customer vectors (elbow and silhouette).</summary>
public sealed record KMeansScanSpec(int WorkspaceId, int DatasetId, VectorSourceSpec Source, int KMin = 2, int KMax = 10,
    bool Normalize = true, int Seed = 0);

/// <summary>The scan: how many vectors matched customers of the dataset, and inertia/silhouette per k.</summary>
public sealed record KMeansScanResult(int Customers, int Dropped, IReadOnlyList<KChoice> Choices);

/// <summary>Fit k clusters and store each as a segment named "<see cref="NamePrefix"/> 1..k".</summary>
public sealed record KMeansCreateSpec(int WorkspaceId, int DatasetId, VectorSourceSpec Source, int K, string NamePrefix,
    bool Normalize = true, int Seed = 0);

public sealed record KMeansCreateResult(IReadOnlyList<int> SegmentIds, IReadOnlyList<int> Sizes, double Silhouette);

/// <summary>
/// k-means segments from learned customer vectors (an embedding table or the last hidden layer of a training run),
/// run as cancellable jobs. Vectors are kept only for keys of the chosen customers dataset version.
/// </summary>
public sealed class EmbeddingSegmentation(JobQueue jobs, VectorSourceLoader vectors, CustomerTableLoader customers, SegmentStore store)
{
    public const int MaxK = 30;

    public static IReadOnlyList<string> Validate(KMeansScanSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<string>();
        if (spec.KMin < 2) problems.Add("k must start at 2 or more (one cluster is the whole base).");
        if (spec.KMax < spec.KMin) problems.Add("The largest k must not be below the smallest.");
        if (spec.KMax > MaxK) problems.Add(string.Create(CultureInfo.InvariantCulture, $"k goes up to {MaxK}."));
        return problems;
    }

    public async Task<Guid> StartScanAsync(KMeansScanSpec spec, CancellationToken ct = default)
    {
        var problems = Validate(spec);
        if (problems.Count > 0) throw new SegmentValidationException(string.Join(" ", problems));
        return await jobs.EnqueueAsync(new JobRequest(JobKind.Analysis,
            string.Create(CultureInfo.InvariantCulture, $"K-means scan k={spec.KMin}..{spec.KMax} ({spec.Source.Key} of run #{spec.Source.TrainingRunId})"),
            async job =>
            {
                job.Report(0.02, "Loading vectors");
                var (keys, points, dropped) = await LoadAsync(spec.DatasetId, spec.Source, spec.Normalize, job.CancellationToken);
                var ks = Enumerable.Range(spec.KMin, spec.KMax - spec.KMin + 1).Where(k => k <= keys.Count).ToList();
                // Synchronous: Progress<T> would post reports to the thread pool, where they can land after the job ends.
                var progress = new SynchronousProgress<double>(f => job.Report(0.1 + 0.9 * f, string.Create(CultureInfo.InvariantCulture, $"Fitting k-means ({f:P0})")));
                var choices = await Task.Run(() => KMeans.ChooseK(points, ks, new KMeansSpec(2, Seed: spec.Seed), null, progress, job.CancellationToken), job.CancellationToken);
                job.Report(1, string.Create(CultureInfo.InvariantCulture, $"Scanned {ks.Count} values of k over {keys.Count:N0} customers"));
                return JsonSerializer.Serialize(new KMeansScanResult(keys.Count, dropped, choices), SegmentJson.Options);
            }, spec.WorkspaceId, JsonSerializer.Serialize(spec, SegmentJson.Options)), ct);
    }

    /// <exception cref="SegmentValidationException">A segment name "prefix i" is blank or already taken.</exception>
    public async Task<Guid> StartCreateAsync(KMeansCreateSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.K < 2 || spec.K > MaxK) throw new SegmentValidationException($"k must be between 2 and {MaxK}.");
        var prefix = (spec.NamePrefix ?? "").Trim();
        if (prefix.Length == 0) throw new SegmentValidationException("The segments need a name prefix.");
        var taken = (await store.ListAsync(spec.WorkspaceId, ct)).Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = Enumerable.Range(1, spec.K).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix} {i}")).ToList();
        if (names.FirstOrDefault(taken.Contains) is { } clash)
            throw new SegmentValidationException($"A segment named '{clash}' already exists; choose another prefix.");
        return await jobs.EnqueueAsync(new JobRequest(JobKind.Analysis,
            string.Create(CultureInfo.InvariantCulture, $"K-means segments k={spec.K} '{prefix}'"),
            async job =>
            {
                job.Report(0.02, "Loading vectors");
                var (keys, points, _) = await LoadAsync(spec.DatasetId, spec.Source, spec.Normalize, job.CancellationToken);
                if (keys.Count < spec.K) throw new SegmentValidationException($"Only {keys.Count} customers have vectors; k = {spec.K} is too many.");
                job.Report(0.1, "Fitting k-means");
                var fit = await Task.Run(() => KMeans.Fit(points, new KMeansSpec(spec.K, Seed: spec.Seed), null, job.CancellationToken), job.CancellationToken);
                var silhouette = await Task.Run(() => Silhouette.Score(points, fit.Labels, null, job.CancellationToken), job.CancellationToken);
                var clusters = KMeansSegmentation.Clusters(keys, fit.Labels, spec.K);
                job.Report(0.6, $"Storing {spec.K} segments");
                var source = $"run {spec.Source.TrainingRunId} {spec.Source.Key}{(spec.Normalize ? " (unit length)" : "")}";
                // All clusters or none: a failure or cancellation while storing leaves no partial set behind.
                var ids = await store.CreateManyFromMembersAsync(spec.WorkspaceId, SegmentSource.KMeans, spec.DatasetId,
                    [.. Enumerable.Range(0, spec.K).Select(c => new NewSegment(names[c],
                        SegmentJson.Serialize(new KMeansDefinition(source, spec.K, c, spec.Seed, fit.Inertia, silhouette)), clusters[c]))],
                    job.CancellationToken);
                job.Report(1, string.Create(CultureInfo.InvariantCulture, $"Created {spec.K} segments"));
                return JsonSerializer.Serialize(new KMeansCreateResult(ids, [.. clusters.Select(c => c.Count)], silhouette), SegmentJson.Options);
            }, spec.WorkspaceId, JsonSerializer.Serialize(spec, SegmentJson.Options)), ct);
    }

    /// <summary>The source's vectors restricted to keys of the customers dataset version (optionally unit length).</summary>
    public async Task<(IReadOnlyList<string> Keys, PointMatrix Points, int Dropped)> LoadAsync(int datasetId, VectorSourceSpec source,
        bool normalize, CancellationToken ct)
    {
        var table = await customers.LoadAsync(datasetId, ct);
        var loaded = await vectors.LoadAsync(source, ct);
        var rows = Enumerable.Range(0, loaded.Count).Where(i => table.RowOf(loaded.Keys[i]) >= 0).ToList();
        if (rows.Count == 0)
            throw new SegmentValidationException(
                $"None of the {loaded.Count:N0} vector keys (e.g. '{loaded.Keys.FirstOrDefault()}') is a {table.KeyColumn} of the chosen dataset.");
        var points = loaded.Vectors.SelectRows(rows);
        return ([.. rows.Select(i => loaded.Keys[i])], normalize ? KMeansSegmentation.Normalize(points) : points, loaded.Count - rows.Count);
    }
}
