using Studio.Ml.Features;

namespace Studio.Ml.Training;

/// <summary>Row numbers of the three splits, each in ascending order.</summary>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test);

/// <summary>
/// Splits the rows that have a target: at random, stratified by class (each class cut by the ratios), or by time
/// (earliest rows train, latest test; rows without a time are left out). Seeded by the spec.
/// </summary>
public static class DataSplitter
{
    public static DataSplit Split(TrainingSpec spec, FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(table);
        var random = new Random(spec.Seed);
        var labeled = LabeledRows(spec, table);
        return spec.Split.Kind switch
        {
            SplitKind.Random => Cut(Shuffled(labeled, random), spec.Split),
            SplitKind.Stratified => Stratified(spec, table, labeled, random),
            SplitKind.ByTime => Cut(ByTime(spec.Split.TimeColumn!, table, labeled), spec.Split),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Split.Kind, null),
        };
    }

    private static int[] LabeledRows(TrainingSpec spec, FeatureTable table)
    {
        if (table.IsNumeric(spec.TargetColumn))
        {
            var values = table.Numeric(spec.TargetColumn);
            return Enumerable.Range(0, table.RowCount).Where(r => values[r] is { } v && double.IsFinite(v)).ToArray();
        }

        var labels = table.Categorical(spec.TargetColumn);
        return Enumerable.Range(0, table.RowCount).Where(r => labels[r] is not null).ToArray();
    }

    private static DataSplit Stratified(TrainingSpec spec, FeatureTable table, int[] labeled, Random random)
    {
        var labels = table.AsLabels(spec.TargetColumn);
        var parts = labeled.GroupBy(r => labels[r]!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Cut(Shuffled(g.ToArray(), random), spec.Split))
            .ToList();
        return new DataSplit(
            [.. parts.SelectMany(p => p.Train).Order()],
            [.. parts.SelectMany(p => p.Validation).Order()],
            [.. parts.SelectMany(p => p.Test).Order()]);
    }

    private static int[] ByTime(string timeColumn, FeatureTable table, int[] labeled)
    {
        if (table.IsNumeric(timeColumn))
        {
            var times = table.Numeric(timeColumn);
            return labeled.Where(r => times[r].HasValue).OrderBy(r => times[r]!.Value).ThenBy(r => r).ToArray();
        }

        var stamps = table.Categorical(timeColumn);
        return labeled.Where(r => stamps[r] is not null).OrderBy(r => stamps[r], StringComparer.Ordinal).ThenBy(r => r).ToArray();
    }

    private static int[] Shuffled(int[] rows, Random random)
    {
        var copy = (int[])rows.Clone();
        random.Shuffle(copy);
        return copy;
    }

    /// <summary>First TrainRatio of the ordered rows train, then validation, the rest test.</summary>
    private static DataSplit Cut(int[] ordered, SplitSpec split)
    {
        var trainCount = (int)Math.Round(ordered.Length * split.TrainRatio);
        var validationCount = Math.Min(ordered.Length - trainCount, (int)Math.Round(ordered.Length * split.ValidationRatio));
        return new DataSplit(
            [.. ordered.Take(trainCount).Order()],
            [.. ordered.Skip(trainCount).Take(validationCount).Order()],
            [.. ordered.Skip(trainCount + validationCount).Order()]);
    }
}
