using Studio.Core.Datasets;

namespace Studio.Analysis.Segments;

/// <summary>What the rule builder can filter on in a customers dataset version.</summary>
public sealed record SegmentAttributes(int DatasetId, string KeyColumn, int RowCount, IReadOnlyList<AttributeInfo> Columns,
    IReadOnlyList<RfmDimension> Rfm);

/// <summary>One column: numeric range, date range or the most common values (up to <see cref="MaxValues"/>).</summary>
public sealed record AttributeInfo(string Name, AttributeKind Kind, ColumnType Type, double? Min, double? Max,
    DateTimeOffset? First, DateTimeOffset? Last, IReadOnlyList<string> Values, int Missing)
{
    public const int MaxValues = 200;

    public static AttributeInfo Of(AttributeColumn column, int rows)
    {
        ArgumentNullException.ThrowIfNull(column);
        var missing = Enumerable.Range(0, rows).Count(column.IsMissing);
        switch (column.Kind)
        {
            case AttributeKind.Numeric:
                var present = column.Numbers.Where(v => !double.IsNaN(v)).ToArray();
                return new AttributeInfo(column.Name, column.Kind, column.Type, present.Length > 0 ? present.Min() : null,
                    present.Length > 0 ? present.Max() : null, null, null, [], missing);
            case AttributeKind.Date:
                var ticks = column.DateTicks.Where(t => t != AttributeColumn.MissingDate).ToArray();
                return new AttributeInfo(column.Name, column.Kind, column.Type, null, null,
                    ticks.Length > 0 ? new DateTimeOffset(ticks.Min(), TimeSpan.Zero) : null,
                    ticks.Length > 0 ? new DateTimeOffset(ticks.Max(), TimeSpan.Zero) : null, [], missing);
            default:
                var values = column.Labels.Where(l => l is not null).GroupBy(l => l!, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxValues).Select(g => g.Key).ToList();
                return new AttributeInfo(column.Name, column.Kind, column.Type, null, null, null, null, values, missing);
        }
    }
}

/// <summary>A live count of the customers that rules select, or why the rules cannot run.</summary>
public sealed record RulePreview(int Count, int BaseSize, IReadOnlyList<string> Problems)
{
    public double Share => BaseSize == 0 ? 0 : (double)Count / BaseSize;
    public bool IsValid => Problems.Count == 0;
}
