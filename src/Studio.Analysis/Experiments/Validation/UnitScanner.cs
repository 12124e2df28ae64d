using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>
/// Finds units assigned to more than one arm (contamination) and units listed twice in the same arm.
/// A Dictionary of 10M strings costs seconds of cache misses, so this uses an open-addressing table of
/// (32-bit string hash, row) slots split in two halves by one hash bit, each half filled by its own thread;
/// equal hashes are confirmed by comparing the strings, so hash collisions cannot create false findings.
/// </summary>
internal static class UnitScanner
{
    private const int MaxExamples = 5;
    private const int Partitions = 2;

    public static UnitScan Scan(ExperimentLog log, int[] rowArm)
    {
        // Hash every id once (in parallel chunks), then fill the two table halves in parallel.
        var hashes = new int[log.RowCount];
        Parallel.For(0, Partitions, new ParallelOptions { MaxDegreeOfParallelism = Partitions }, p =>
        {
            var ids = log.UnitIds;
            for (var i = hashes.Length * p / Partitions; i < hashes.Length * (p + 1L) / Partitions; i++)
            {
                hashes[i] = (ids[i] ?? string.Empty).GetHashCode(StringComparison.Ordinal);
            }
        });
        var partials = new PartitionResult[Partitions];
        Parallel.For(0, Partitions, new ParallelOptions { MaxDegreeOfParallelism = Partitions }, p => partials[p] = ScanPartition(log, rowArm, hashes, p));
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

    private static PartitionResult ScanPartition(ExperimentLog log, int[] rowArm, int[] hashes, int partition)
    {
        var ids = log.UnitIds;
        var capacity = 16;
        while (capacity < ids.Length) capacity <<= 1; // load factor <= 0.5 per partition on balanced hashes
        var mask = capacity - 1;
        // One long per slot, (row + 1) << 32 | hash, so a probe touches one cache line; 0 = empty.
        var table = new long[capacity];
        var result = new PartitionResult();
        for (var i = 0; i < ids.Length; i++)
        {
            var arm = rowArm[i];
            var hash = hashes[i];
            if (arm < 0 || (int)((uint)hash >> 31) != partition) continue;
            var slot = (int)((uint)hash * 0x9E3779B9u >> 1) & mask;
            while (true)
            {
                var entry = table[slot];
                if (entry == 0)
                {
                    table[slot] = ((long)(i + 1) << 32) | (uint)hash;
                    break;
                }

                var row = (int)(entry >> 32) - 1;
                if ((int)entry == hash && string.Equals(ids[row], ids[i], StringComparison.Ordinal))
                {
                    result.Record(ids[i], i, rowArm[row] == arm);
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        return result;
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
