using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using static Studio.Analysis.UnitTests.Recipes.Tables;

namespace Studio.Analysis.UnitTests.Recipes;

public sealed class CleaningStepTests
{
    [Fact]
    public void Impute_MedianOfIntegers_FillsHalfAndBecomesDecimal()
    {
        var table = Numbers(ColumnType.Integer, 1L, 3L, 10L, null, 4L);
        var result = RecipeEngine.Apply(table, new ImputeStep("x", ImputeMethod.Median));
        Assert.Equal([1.0, 3.0, 10.0, 3.5, 4.0], Column(result.Table, "x"));
        Assert.Equal(ColumnType.Decimal, result.Table.Columns[0].Type);
        Assert.Equal(1, result.ValuesAffected);
        Assert.Equal(4, result.Samples.Single().RowNumber);
        Assert.Null(table.Rows[3][0]); // the input is never changed
    }

    [Fact]
    public void Impute_MeanOfDecimals_FillsMean()
    {
        var result = RecipeEngine.Apply(Numbers(ColumnType.Decimal, 1.0, null, 3.0, 10.0, 4.0), new ImputeStep("x", ImputeMethod.Mean));
        Assert.Equal(4.5, (double)result.Table.Rows[1][0]!, 12);
    }

    [Fact]
    public void Impute_IntegerMedianWhole_StaysInteger()
    {
        var result = RecipeEngine.Apply(Numbers(ColumnType.Integer, 1L, null, 3L, 5L), new ImputeStep("x", ImputeMethod.Median));
        Assert.Equal(ColumnType.Integer, result.Table.Columns[0].Type);
        Assert.Equal(3L, result.Table.Rows[1][0]);
    }

    [Fact]
    public void Impute_ModeTie_TakesFirstSeen()
    {
        var result = RecipeEngine.Apply(Numbers(ColumnType.Categorical, "b", "a", "a", null, "b"), new ImputeStep("x", ImputeMethod.Mode));
        Assert.Equal("b", result.Table.Rows[3][0]);
    }

    [Fact]
    public void Impute_MissingCategoryAndConstant_WriteLabels()
    {
        var table = Numbers(ColumnType.Categorical, "a", null, null);
        Assert.Equal(["a", "missing", "missing"], Column(RecipeEngine.Apply(table, new ImputeStep("x", ImputeMethod.MissingCategory)).Table, "x"));
        Assert.Equal(7L, RecipeEngine.Apply(Numbers(ColumnType.Integer, null, 2L), new ImputeStep("x", ImputeMethod.Constant, "7")).Table.Rows[0][0]);
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(Numbers(ColumnType.Integer, [null]), new ImputeStep("x", ImputeMethod.Constant, "seven")));
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(Numbers(ColumnType.Integer, null, 1L), new ImputeStep("x", ImputeMethod.MissingCategory)));
    }

    private static WorkingTable OneToTenAndHundred() =>
        Numbers(ColumnType.Integer, [.. Enumerable.Range(1, 10).Select(i => (object?)(long)i), 100L]);

    [Fact]
    public void Outliers_IqrClip_UsesType7Fences()
    {
        var table = OneToTenAndHundred();
        // Q1 = 3.5, Q3 = 8.5, IQR = 5: fences -4 and 16.
        Assert.Equal((-4.0, 16.0), RecipeEngine.OutlierBounds(table, new OutlierStep("x", OutlierRule.Iqr, 1.5, OutlierAction.Clip)));
        var result = RecipeEngine.Apply(table, new OutlierStep("x", OutlierRule.Iqr, 1.5, OutlierAction.Clip));
        Assert.Equal(16L, result.Table.Rows[10][0]);
        Assert.Equal(ColumnType.Integer, result.Table.Columns[0].Type);
        Assert.Equal(1, result.ValuesAffected);
        Assert.Equal(11, result.Table.Rows.Count);
    }

    [Fact]
    public void Outliers_ZDrop_ThresholdDecides()
    {
        var table = OneToTenAndHundred();
        // mean 14.0909, sample std 28.6372: z(100) = 2.99991, just under 3.
        Assert.Equal(0, RecipeEngine.Apply(table, new OutlierStep("x", OutlierRule.ZScore, 3, OutlierAction.Drop)).RowsAffected);
        var dropped = RecipeEngine.Apply(table, new OutlierStep("x", OutlierRule.ZScore, 2, OutlierAction.Drop));
        Assert.Equal(10, dropped.Table.Rows.Count);
        Assert.Equal(11, dropped.Samples.Single().RowNumber);
        var (lower, upper) = RecipeEngine.OutlierBounds(table, new OutlierStep("x", OutlierRule.ZScore, 2, OutlierAction.Clip));
        Assert.Equal(-43.183549757373676, lower, 9);
        Assert.Equal(71.36536793919186, upper, 9);
    }

    [Fact]
    public void DropDuplicates_AllColumnsAndKey_KeepFirst()
    {
        var table = Of([new("id", ColumnType.Identifier), new("v", ColumnType.Integer)],
            ["a", 1L], ["a", 1L], ["a", 2L], ["b", null], ["b", null]);
        var all = RecipeEngine.Apply(table, new DropDuplicatesStep());
        Assert.Equal(3, all.Table.Rows.Count);
        Assert.Equal([2L, 5L], all.Samples.Select(s => s.RowNumber));
        var byKey = RecipeEngine.Apply(table, new DropDuplicatesStep(["id"]));
        Assert.Equal(["a", "b"], Column(byKey.Table, "id"));
        Assert.Equal([1L, null], Column(byKey.Table, "v"));
    }

    [Fact]
    public void Filter_Operators_KeepMatchingRows()
    {
        var table = Numbers(ColumnType.Integer, 5L, 12L, null, 30L);
        Assert.Equal([12L, 30L], Column(RecipeEngine.Apply(table, new FilterRowsStep("x", FilterOperator.GreaterThan, "10")).Table, "x"));
        Assert.Equal([5L, 12L, null], Column(RecipeEngine.Apply(table, new FilterRowsStep("x", FilterOperator.NotEquals, "30")).Table, "x"));
        Assert.Equal([null], Column(RecipeEngine.Apply(table, new FilterRowsStep("x", FilterOperator.IsMissing)).Table, "x"));
        var text = Numbers(ColumnType.Text, "Red shoe", "blue hat");
        Assert.Equal(["Red shoe"], Column(RecipeEngine.Apply(text, new FilterRowsStep("x", FilterOperator.Contains, "red")).Table, "x"));
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new FilterRowsStep("x", FilterOperator.LessThan, "ten")));
    }

    [Fact]
    public void ColumnEdits_DropRenameChangeType_ChangeShapeAndCount()
    {
        var table = Of([new("a", ColumnType.Text), new("b", ColumnType.Text)], ["1", "x"], ["2.0", "y"], ["two", "z"]);
        var dropped = RecipeEngine.Apply(table, new DropColumnsStep(["b"])).Table;
        Assert.Equal(["a"], dropped.Columns.Select(c => c.Name));
        Assert.Equal("c", RecipeEngine.Apply(table, new RenameColumnStep("b", "c")).Table.Columns[1].Name);
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new RenameColumnStep("b", "A")));
        var refused = Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new ChangeTypeStep("a", ColumnType.Integer)));
        Assert.Contains("1 value(s) of 'a' do not convert to Integer (row 3: 'two')", refused.Message, StringComparison.Ordinal);
        var typed = RecipeEngine.Apply(table, new ChangeTypeStep("a", ColumnType.Integer, Unconvertible: UnconvertibleValues.Missing));
        Assert.Equal([1L, 2L, null], Column(typed.Table, "a"));
        Assert.Contains("1 value(s) did not convert and became missing, as chosen (row 3: 'two')", typed.Summary, StringComparison.Ordinal);
        Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new DropColumnsStep(["nope"])));
    }

    [Fact]
    public void Recipe_Json_RoundTripsEveryStep()
    {
        var recipe = new Recipe([
            new DropDuplicatesStep(["id"]), new ImputeStep("x", ImputeMethod.Median), new OutlierStep("x", OutlierRule.Iqr, 1.5, OutlierAction.Clip),
            new FilterRowsStep("x", FilterOperator.GreaterOrEqual, "3"), new DropColumnsStep(["y"]), new RenameColumnStep("x", "z"),
            new ChangeTypeStep("z", ColumnType.Decimal), new ChangeTypeStep("e", ColumnType.DateTime, ConversionRule.UnixSeconds, null, UnconvertibleValues.Missing),
            new ChangeTypeStep("d", ColumnType.DateTime, ConversionRule.DateFormat, "dd.MM.yyyy"), new TimestampPartsStep("t", "Europe/Paris"), new LogTransformStep("z"),
            new BucketStep("z", [0, 1, 2]), new CustomerAggregatesStep(3, "customer_id", "customer_id", "timestamp", "revenue", "event_type", "product_id", 2)]);
        var json = recipe.ToJson();
        Assert.Contains("\"kind\":\"impute\"", json, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"median\"", json, StringComparison.Ordinal);
        var back = Recipe.FromJson(json);
        Assert.Equal(recipe.Steps.Count, back.Steps.Count);
        Assert.Equal(recipe.Steps.Select(s => s.Describe()), back.Steps.Select(s => s.Describe()));
        Assert.Equal(recipe.Steps[1], back.Steps[1]);
    }
}
