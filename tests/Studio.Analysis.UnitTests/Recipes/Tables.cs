using Studio.Analysis.Recipes;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Recipes;

/// <summary>Small hand-made tables for step tests.</summary>
internal static class Tables
{
    public static WorkingTable Of(IReadOnlyList<TableColumn> columns, params object?[][] rows) => new(columns, rows);

    public static WorkingTable Numbers(ColumnType type, params object?[] values) =>
        new([new TableColumn("x", type)], [.. values.Select(v => new[] { v })]);

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static object?[] Column(WorkingTable table, string name)
    {
        var i = table.IndexOf(name);
        return [.. table.Rows.Select(r => r[i])];
    }
}
