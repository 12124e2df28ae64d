using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments.Aggregation;

/// <summary>Revenue caps per arm from a <see cref="WinsorizationSpec"/>, over the rows that enter the analysis.</summary>
internal static class WinsorizationCaps
{
    public static double[]? Compute(ExperimentLog log, RowScan scan, WinsorizationSpec? spec)
    {
        if (spec is null || !log.HasRevenue) return null;
        var revenue = log.Revenue;
        var armCount = scan.Arms.Count;
        var counts = new int[armCount];
        for (var i = 0; i < revenue.Length; i++)
        {
            if (Included(scan, i)) counts[scan.RowArm[i]]++;
        }

        var caps = new double[armCount];
        if (spec.Scope == WinsorizationScope.Pooled)
        {
            var all = new double[counts.Sum()];
            var k = 0;
            for (var i = 0; i < revenue.Length; i++)
            {
                if (Included(scan, i)) all[k++] = revenue[i];
            }

            Array.Fill(caps, Percentile.OfInPlace(all, spec.Percentile));
            return caps;
        }

        var perArm = counts.Select(c => new double[c]).ToArray();
        var fill = new int[armCount];
        for (var i = 0; i < revenue.Length; i++)
        {
            if (Included(scan, i)) perArm[scan.RowArm[i]][fill[scan.RowArm[i]]++] = revenue[i];
        }

        for (var a = 0; a < armCount; a++) caps[a] = Percentile.OfInPlace(perArm[a], spec.Percentile);
        return caps;
    }

    private static bool Included(RowScan scan, int row) => scan.RowArm[row] >= 0 && (scan.Excluded is null || !scan.Excluded[row]);
}
