namespace Studio.Ml.Evaluation;

/// <summary>One group of the lift table: rows ranked by score, best first, cut into equal groups.</summary>
public sealed record LiftRow(
    int Group,
    long Rows,
    long Positives,
    double MinScore,
    double ResponseRate,
    double Lift,
    double CumulativeGain,
    double CumulativeLift);

public static class LiftTable
{
    /// <summary>Deciles by default: group g holds ranks [g·n/groups, (g+1)·n/groups); ties keep the input order.</summary>
    public static IReadOnlyList<LiftRow> Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int groups = 10)
    {
        BinaryMetrics.Guard(labels, scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var n = labels.Count;
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        var totalPositives = labels.Count(l => l);
        var baseRate = n == 0 ? 0 : (double)totalPositives / n;
        var rows = new List<LiftRow>(groups);
        long cumulativeRows = 0, cumulativePositives = 0;
        for (var g = 0; g < groups; g++)
        {
            var start = (int)((long)g * n / groups);
            var end = (int)((long)(g + 1) * n / groups);
            if (end == start)
            {
                continue;
            }

            long positives = 0;
            for (var k = start; k < end; k++)
            {
                positives += labels[order[k]] ? 1 : 0;
            }

            cumulativeRows += end - start;
            cumulativePositives += positives;
            var rate = (double)positives / (end - start);
            rows.Add(new LiftRow(
                g + 1,
                end - start,
                positives,
                scores[order[end - 1]],
                rate,
                baseRate == 0 ? 0 : rate / baseRate,
                totalPositives == 0 ? 0 : (double)cumulativePositives / totalPositives,
                baseRate == 0 ? 0 : (double)cumulativePositives / cumulativeRows / baseRate));
        }

        return rows;
    }
}
