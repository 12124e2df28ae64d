using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using static Studio.Analysis.UnitTests.Recipes.Tables;

namespace Studio.Analysis.UnitTests.Recipes;

public sealed class FeatureStepTests
{
    [Fact]
    public void TimestampParts_NewYorkAcrossDst_UsesLocalClock()
    {
        // 2025-03-09: New York moves from EST (UTC−5) to EDT (UTC−4) at 02:00 local, a Sunday.
        var table = Numbers(ColumnType.DateTime, Utc("2025-03-09T06:30:00Z"), Utc("2025-03-09T07:30:00Z"), null);
        var result = RecipeEngine.Apply(table, new TimestampPartsStep("x", "America/New_York")).Table;
        Assert.Equal([1L, 3L, null], Column(result, "x_hour"));
        Assert.Equal([7L, 7L, null], Column(result, "x_weekday"));
        Assert.Equal([true, true, null], Column(result, "x_weekend"));
        Assert.Equal(Math.Sin(2 * Math.PI * 3 / 24), (double)Column(result, "x_hour_sin")[1]!, 12);
        Assert.Equal(Math.Cos(2 * Math.PI * 6 / 7), (double)Column(result, "x_weekday_cos")[0]!, 12);
    }

    [Fact]
    public void TimestampParts_ShanghaiAndUtc_ShiftDayAndMonth()
    {
        var table = Numbers(ColumnType.DateTime, Utc("2024-12-31T20:00:00Z"));
        var shanghai = RecipeEngine.Apply(table, new TimestampPartsStep("x", "Asia/Shanghai")).Table;
        Assert.Equal(4L, Column(shanghai, "x_hour")[0]);
        Assert.Equal(3L, Column(shanghai, "x_weekday")[0]); // Wednesday 1 January 2025
        Assert.Equal(1L, Column(shanghai, "x_month")[0]);
        Assert.Equal(false, Column(shanghai, "x_weekend")[0]);
        var utc = RecipeEngine.Apply(table, new TimestampPartsStep("x")).Table;
        Assert.Equal(20L, Column(utc, "x_hour")[0]);
        Assert.Equal(2L, Column(utc, "x_weekday")[0]); // Tuesday
        Assert.Equal(12L, Column(utc, "x_month")[0]);
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new TimestampPartsStep("x", "Mars/Olympus")));
    }

    [Fact]
    public void Log_Log1p_NegativesMissing()
    {
        var result = RecipeEngine.Apply(Numbers(ColumnType.Decimal, Math.E - 1, 0.0, -2.0, null), new LogTransformStep("x"));
        var logs = Column(result.Table, "x_log");
        Assert.Equal(1.0, (double)logs[0]!, 12);
        Assert.Equal(0.0, logs[1]);
        Assert.Null(logs[2]);
        Assert.Equal(2, result.ValuesAffected);
    }

    [Fact]
    public void Bucket_HalfOpenIntervals_LastEdgeIncluded()
    {
        var result = RecipeEngine.Apply(Numbers(ColumnType.Integer, 0L, 9L, 10L, 20L, 21L), new BucketStep("x", [0, 10, 20]));
        Assert.Equal(["[0, 10)", "[0, 10)", "[10, 20)", "[10, 20)", null], Column(result.Table, "x_bucket"));
        Assert.Equal(ColumnType.Categorical, result.Table.Columns[^1].Type);
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(Numbers(ColumnType.Integer, 1L), new BucketStep("x", [5, 1])));
    }

    [Fact]
    public async Task CustomerAggregates_TinyEvents_ExactRfm()
    {
        var customers = Numbers(ColumnType.Identifier, "c1", "c2", "c3");
        customers = customers with { Columns = [new TableColumn("customer_id", ColumnType.Identifier)] };
        var events = Of([new("customer_id", ColumnType.Identifier), new("timestamp", ColumnType.DateTime),
                new("revenue", ColumnType.Decimal), new("category", ColumnType.Categorical), new("product_id", ColumnType.Identifier)],
            ["c1", Utc("2025-01-05T00:00:00Z"), 20.0, "b", "P2"],
            ["c1", Utc("2025-01-01T00:00:00Z"), 10.0, "a", "P1"],
            ["c2", Utc("2025-01-08T00:00:00Z"), 5.0, "b", "P4"],
            ["c1", Utc("2025-01-10T00:00:00Z"), 30.0, "a", "P3"],
            ["c9", Utc("2025-01-12T00:00:00Z"), 99.0, "a", "P9"]); // after AsOf: ignored
        var step = new CustomerAggregatesStep(7, "customer_id", "customer_id", "timestamp", "revenue", "category", "product_id", 2,
            Utc("2025-01-11T00:00:00Z"));
        var result = (await RecipeEngine.ApplyAsync(customers, step, (id, _) => Task.FromResult(id == 7 ? events : throw new InvalidOperationException()))).Table;
        Assert.Equal(["customer_id", "recency_days", "frequency", "monetary", "share_a", "share_b", "last_2_items"], result.Columns.Select(c => c.Name));
        Assert.Equal([1.0, 3.0, null], Column(result, "recency_days"));
        Assert.Equal([3L, 1L, 0L], Column(result, "frequency"));
        Assert.Equal([60.0, 5.0, 0.0], Column(result, "monetary"));
        Assert.Equal(2.0 / 3, (double)Column(result, "share_a")[0]!, 12);
        Assert.Equal([1.0 / 3, 1.0, null], Column(result, "share_b"));
        Assert.Equal(["P3|P2", "P4", null], Column(result, "last_2_items"));
    }
}
