using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.Experiments.Validation;

/// <summary>Finds units assigned to more than one arm (contamination) and units listed twice in the same arm.</summary>
internal static class UnitScanner
{
    public static UnitScan Scan(ExperimentLog log, int[] rowArm)
    {
        var ids = log.UnitIds;
        var firstArm = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        HashSet<string>? contaminated = null;
        var contaminatedExamples = new List<string>();
        long duplicateRows = 0;
        var duplicateExamples = new List<string>();
        long firstDuplicateRow = -1;
        for (var i = 0; i < ids.Length; i++)
        {
            var arm = rowArm[i];
            if (arm < 0) continue;
            ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstArm, ids[i], out var exists);
            if (!exists)
            {
                seen = arm;
                continue;
            }

            if (seen == arm)
            {
                if (duplicateRows++ == 0) firstDuplicateRow = i;
                if (duplicateExamples.Count < 5) duplicateExamples.Add(ids[i]);
            }
            else if ((contaminated ??= new HashSet<string>(StringComparer.Ordinal)).Add(ids[i]) && contaminatedExamples.Count < 5)
            {
                contaminatedExamples.Add($"{ids[i]} (row {i + 1}, variant '{log.Variants[i]}')");
            }
        }

        return new UnitScan(contaminated, contaminatedExamples, duplicateRows, duplicateExamples, firstDuplicateRow);
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
