using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Profiling;

/// <summary>Profiles a dataset version: per-column statistics, duplicates and a data-quality summary.</summary>
public sealed class DatasetProfiler(DatasetFrameLoader loader)
{
    public const int TopValueCount = 10;

    /// <param name="import">The import's report, when known, adds unparseable cells with their lines.</param>
    public async Task<DatasetProfile> ProfileAsync(Dataset dataset, ImportReport? import = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var frame = await loader.LoadAsync(dataset, cancellationToken);
        return Profile(dataset, frame, import);
    }

    public static DatasetProfile Profile(Dataset dataset, DataFrame frame, ImportReport? import = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(frame);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        // Columns are independent: profile them (and the duplicate-row hash) in parallel.
        var profiles = new ColumnProfile[columns.Count];
        long duplicateRows = 0;
        Parallel.For(-1, columns.Count, i =>
        {
            if (i < 0) duplicateRows = DuplicateRows.Count(frame);
            else profiles[i] = ColumnProfiler.Profile(columns[i], frame.Columns[i], import?.Columns.FirstOrDefault(r => r.Ordinal == columns[i].Ordinal));
        });
        var warnings = QualityRules.Warnings(dataset.Role, frame.Rows.Count, duplicateRows, profiles, import);
        var cells = frame.Rows.Count * (long)columns.Count;
        var missing = profiles.Sum(p => p.MissingCount);
        var summary = new DataQualitySummary(cells, missing, cells == 0 ? 1 : 1 - (double)missing / cells, duplicateRows,
            profiles.Sum(p => p.UnparseableCount), profiles.Count(p => p.MissingCount > 0), warnings.Count);
        return new DatasetProfile(dataset.Id, dataset.Name, frame.Rows.Count, duplicateRows, profiles, summary, warnings);
    }
}

/// <summary>Statistics of one column, by the column's storage type.</summary>
internal static class ColumnProfiler
{
    public static ColumnProfile Profile(DatasetColumn column, DataFrameColumn data, ColumnImportReport? import)
    {
        var rows = data.Length;
        var missing = data.NullCount;
        var present = rows - missing;
        NumericSummary? numeric = null;
        Histogram? histogram = null;
        DateRange? dates = null;
        IReadOnlyList<TopValue> top = [];
        long distinct;
        switch (data)
        {
            case Int64DataFrameColumn ints:
                var sortedInts = Sorted(ints.Where(v => v.HasValue).Select(v => (double)v!.Value));
                (numeric, histogram, distinct) = Numbers(sortedInts, wholeNumbers: true);
                break;
            case DoubleDataFrameColumn doubles:
                var sortedDoubles = Sorted(doubles.Where(v => v.HasValue && double.IsFinite(v.Value)).Select(v => v!.Value));
                (numeric, histogram, distinct) = Numbers(sortedDoubles, wholeNumbers: false);
                break;
            case DateTimeDataFrameColumn times:
                var values = times.Where(v => v.HasValue).Select(v => v!.Value).ToList();
                distinct = values.Distinct().LongCount();
                if (values.Count > 0) dates = new DateRange(values.Min(), values.Max());
                break;
            default:
                var counts = Counts(data);
                distinct = counts.Count;
                top = [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Take(DatasetProfiler.TopValueCount)
                    .Select(kv => new TopValue(kv.Key, kv.Value, present == 0 ? 0 : (double)kv.Value / present))];
                break;
        }
        long? duplicateKeys = column.Type == ColumnType.Identifier ? present - distinct : null;
        return new ColumnProfile(column.Ordinal, column.Name, column.Type, present, missing, rows == 0 ? 0 : (double)missing / rows,
            distinct, numeric, histogram, top, dates, duplicateKeys, import?.UnparseableCount ?? 0, import?.Issues ?? []);
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    private static (NumericSummary?, Histogram?, long) Numbers(double[] sorted, bool wholeNumbers)
    {
        if (sorted.Length == 0) return (null, null, 0);
        long distinct = 1;
        for (var i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        return (NumericStatistics.Summarise(sorted), NumericStatistics.Histogram(sorted, wholeNumbers), distinct);
    }

    private static Dictionary<string, long> Counts(DataFrameColumn data)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (data is StringDataFrameColumn strings)
        {
            for (long i = 0; i < strings.Length; i++)
                if (strings[i] is { } s) CollectionsMarshal.GetValueRefOrAddDefault(counts, s, out _)++;
            return counts;
        }
        for (long i = 0; i < data.Length; i++)
        {
            var value = data[i];
            if (value is null) continue;
            var key = value is bool b ? (b ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        }
        return counts;
    }
}
