using Studio.Analysis.Segments;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Segments;

/// <summary>Six customers with numbers, a category, a date, a boolean and RFM aggregates.</summary>
internal static class SegmentTestTable
{
    public static CustomerTable Create()
    {
        const int rows = 6;
        var age = new AttributeColumn("age", ColumnType.Integer, rows);
        double[] ages = [20, 30, 40, 50, double.NaN, 60];
        ages.CopyTo(age.Numbers, 0);
        var region = new AttributeColumn("region", ColumnType.Categorical, rows);
        string?[] regions = ["north", "south", "north", "east", "north", null];
        regions.CopyTo(region.Labels, 0);
        var signup = new AttributeColumn("signup", ColumnType.DateTime, rows);
        for (var i = 0; i < rows; i++) signup.DateTicks[i] = new DateTimeOffset(2024, 1 + i, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        signup.DateTicks[3] = AttributeColumn.MissingDate;
        var optIn = new AttributeColumn("opt_in", ColumnType.Boolean, rows);
        string?[] flags = ["true", "false", "true", "true", "false", "false"];
        flags.CopyTo(optIn.Labels, 0);
        var recency = new AttributeColumn("recency_days", ColumnType.Decimal, rows);
        double[] recencies = [1, 5, 10, 30, 90, double.NaN];
        recencies.CopyTo(recency.Numbers, 0);
        var frequency = new AttributeColumn("frequency", ColumnType.Integer, rows);
        double[] frequencies = [12, 8, 8, 3, 1, 0];
        frequencies.CopyTo(frequency.Numbers, 0);
        var monetary = new AttributeColumn("monetary", ColumnType.Decimal, rows);
        double[] spend = [500, 300, 200, 100, 50, 0];
        spend.CopyTo(monetary.Numbers, 0);
        return new CustomerTable(1, "customer_id", ["C1", "C2", "C3", "C4", "C5", "C6"],
            [age, region, signup, optIn, recency, frequency, monetary]);
    }

    public static int[] Rows(bool[] mask) => [.. Enumerable.Range(0, mask.Length).Where(i => mask[i])];
}
