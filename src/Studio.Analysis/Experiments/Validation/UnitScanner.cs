using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>
/// Finds units assigned to more than one arm (contamination) and units listed twice in the same arm.
/// A Dictionary of 10M strings costs about a second of cache misses, so ids are hashed once (32-bit ordinal hash),
/// radix-partitioned by the top hash bits into buckets small enough for a cache-resident open-addressing table,
/// and each bucket is checked on its own (buckets split over the two threads). Equal hashes are confirmed by
/// comparing the strings, so a hash collision can never produce a false finding.
/// </summary>
internal static class UnitScanner
{
    private const int MaxExamples = 5;
    private const int Threads = 2;
    private const int TargetBucketSize = 16_384;

    public static UnitScan Scan(ExperimentLog log, int[] rowArm)
    {
        var n = log.RowCount;
        var bucketBits = 0;
        while ((n >> bucketBits) > TargetBucketSize && bucketBits < 16) bucketBits++;
        var buckets = 1 << bucketBits;
        var hashes = new int[n];
        var counts = new int[Threads, buckets];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var ids = log.UnitIds;
            for (var i = Start(n, t); i < Start(n, t + 1); i++)
            {
                if (rowArm[i] < 0) continue;
                var hash = (ids[i] ?? string.Empty).GetHashCode(StringComparison.Ordinal);
                hashes[i] = hash;
                counts[t, Bucket(hash, bucketBits)]++;
            }
        });

        // Bucket b holds thread 0's rows, then thread 1's: rows stay in ascending order inside a bucket.
        var offsets = new int[Threads, buckets];
        var bucketStart = new int[buckets + 1];
        var position = 0;
        for (var b = 0; b < buckets; b++)
        {
            bucketStart[b] = position;
            for (var t = 0; t < Threads; t++)
            {
                offsets[t, b] = position;
                position += counts[t, b];
            }
        }

        bucketStart[buckets] = position;
        var entries = new long[position];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            for (var i = Start(n, t); i < Start(n, t + 1); i++)
            {
                if (rowArm[i] < 0) continue;
                entries[offsets[t, Bucket(hashes[i], bucketBits)]++] = ((long)(i + 1) << 32) | (uint)hashes[i];
            }
        });

        var partials = new PartitionResult[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var result = new PartitionResult();
            var table = Array.Empty<long>();
            for (var b = buckets * t / Threads; b < buckets * (t + 1) / Threads; b++)
            {
                table = CheckBucket(log, rowArm, entries.AsSpan(bucketStart[b], bucketStart[b + 1] - bucketStart[b]), table, result);
            }

            partials[t] = result;
        });

        HashSet<string>? contaminated = null;
        foreach (var partial in partials)
        {
            if (partial.Contaminated is null) continue;
            contaminated ??= new HashSet<string>(StringComparer.Ordinal);
            contaminated.UnionWith(partial.Contaminated);
        }

        var contaminatedExamples = partials.SelectMany(p => p.ContaminatedExamples).OrderBy(e => e.Row).Take(MaxExamples)
            .Select(e => $"{log.UnitIds[e.Row]} (row {e.Row + 1}, variant '{log.Variants[e.Row]}')").ToList();
        var duplicates = partials.SelectMany(p => p.DuplicateExamples).OrderBy(e => e.Row).Take(MaxExamples).ToList();
        return new UnitScan(
            contaminated,
            contaminatedExamples,
            partials.Sum(p => p.DuplicateRows),
            [.. duplicates.Select(d => log.UnitIds[d.Row])],
            duplicates.Count > 0 ? duplicates[0].Row : -1);
    }

    private static int Start(int n, int thread) => (int)((long)n * thread / Threads);

    private static int Bucket(int hash, int bits) => bits == 0 ? 0 : (int)((uint)hash >> (32 - bits));

    /// <summary>Open addressing over one bucket; entries are (row + 1) &lt;&lt; 32 | hash, 0 = empty slot.</summary>
    private static long[] CheckBucket(ExperimentLog log, int[] rowArm, ReadOnlySpan<long> bucket, long[] table, PartitionResult result)
    {
        var capacityBits = 4;
        while ((1 << capacityBits) < bucket.Length * 2) capacityBits++;
        var capacity = 1 << capacityBits;
        if (table.Length < capacity) table = new long[capacity];
        else Array.Clear(table, 0, capacity);
        var mask = capacity - 1;
        var ids = log.UnitIds;
        foreach (var entry in bucket)
        {
            var hash = (int)entry;
            var row = (int)(entry >> 32) - 1;
            var slot = (int)(((uint)hash * 0x9E3779B9u) >> (32 - capacityBits)) & mask;
            while (true)
            {
                var stored = table[slot];
                if (stored == 0)
                {
                    table[slot] = entry;
                    break;
                }

                var storedRow = (int)(stored >> 32) - 1;
                if ((int)stored == hash && string.Equals(ids[storedRow], ids[row], StringComparison.Ordinal))
                {
                    result.Record(ids[row], row, rowArm[storedRow] == rowArm[row]);
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        return table;
    }

    private sealed class PartitionResult
    {
        public HashSet<string>? Contaminated { get; private set; }
        public List<(int Row, string Id)> ContaminatedExamples { get; } = [];
        public long DuplicateRows { get; private set; }
        public List<(int Row, string Id)> DuplicateExamples { get; } = [];

        public void Record(string id, int row, bool sameArm)
        {
            if (sameArm)
            {
                DuplicateRows++;
                if (DuplicateExamples.Count < MaxExamples) DuplicateExamples.Add((row, id));
            }
            else if ((Contaminated ??= new HashSet<string>(StringComparer.Ordinal)).Add(id) && ContaminatedExamples.Count < MaxExamples)
            {
                ContaminatedExamples.Add((row, id));
            }
        }
    }

    public static void Report(ExperimentLog log, ExperimentSpec spec, RowScan scan, UnitScan units)
    {
        var name = log.ExperimentName;
        if (units.Contaminated is { Count: > 0 } contaminated)
        {
            var action = spec.ExcludeContaminatedUnits
                ? "Their rows were excluded from the analysis (ExcludeContaminatedUnits = true)."
                : "They are still counted in every arm they appear in, so results are biased; set ExcludeContaminatedUnits = true to drop them. Shipping is blocked.";
            scan.Issues.Add(new ValidationIssue(IssueCode.Contamination, IssueSeverity.Warning,
                $"Experiment '{name}': {contaminated.Count} unit(s) in column {ExperimentColumns.UnitId} appear in more than one variant (contamination), e.g. " +
                $"{string.Join("; ", units.ContaminatedExamples)}. {action}",
                Column: ExperimentColumns.UnitId, Count: contaminated.Count, Examples: units.ContaminatedExamples));
        }

        if (units.DuplicateRows > 0)
        {
            var row = (int)units.FirstDuplicateRow;
            scan.Issues.Add(new ValidationIssue(IssueCode.DuplicateUnit, IssueSeverity.Error,
                $"Experiment '{name}': {units.DuplicateRows} row(s) repeat a unit id already seen in the same variant, first at row {row + 1} " +
                $"(unit '{log.UnitIds[row]}', variant '{log.Variants[row]}'); the log must have one row per unit. Aggregate it per unit first.",
                log.Variants[row], ExperimentColumns.UnitId, row + 1, log.UnitIds[row], units.DuplicateRows, units.DuplicateExamples));
        }
    }

    /// <summary>Marks every row of a contaminated unit as excluded.</summary>
    public static void ExcludeContaminated(ExperimentLog log, RowScan scan, HashSet<string> contaminated)
    {
        var ids = log.UnitIds;
        scan.Excluded ??= new bool[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (scan.Excluded[i] || !contaminated.Contains(ids[i])) continue;
            scan.Excluded[i] = true;
            scan.ExcludedRows++;
        }
    }
}

internal sealed record UnitScan(
    HashSet<string>? Contaminated,
    IReadOnlyList<string> ContaminatedExamples,
    long DuplicateRows,
    IReadOnlyList<string> DuplicateExamples,
    long FirstDuplicateRow);
