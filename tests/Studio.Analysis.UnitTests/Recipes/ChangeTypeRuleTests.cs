using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using static Studio.Analysis.UnitTests.Recipes.Tables;

namespace Studio.Analysis.UnitTests.Recipes;

/// <summary>
/// Change-type rules never blank a column quietly. Expected instants from Python's
/// <c>datetime.fromtimestamp(s, timezone.utc)</c>: 881250949 → 1997-12-04T15:55:49Z, 1700000000123 ms → 2023-11-14T22:13:20.123Z.
/// </summary>
public sealed class ChangeTypeRuleTests
{
    [Fact]
    public void ChangeType_EpochIntegersToDateTimeByDefault_FailsWithCountAndExamples()
    {
        var table = Numbers(ColumnType.Integer, 881250949L, 0L, null);
        var error = Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.DateTime)));
        Assert.Contains("2 value(s) of 'x' do not convert to DateTime (row 1: '881250949', row 2: '0')", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unix seconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeType_UnixSeconds_EveryValueAnInstant()
    {
        var table = Numbers(ColumnType.Integer, 881250949L, 0L, -86400L, null);
        var result = RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.DateTime, ConversionRule.UnixSeconds));
        Assert.Equal([Utc("1997-12-04T15:55:49Z"), Utc("1970-01-01T00:00:00Z"), Utc("1969-12-31T00:00:00Z"), null], Column(result.Table, "x"));
        Assert.Equal(ColumnType.DateTime, result.Table.Columns[0].Type);
        Assert.Contains("from Unix seconds", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeType_UnixMillisecondsFromText_KeepsMilliseconds()
    {
        var table = Numbers(ColumnType.Text, "1700000000123");
        var result = RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.DateTime, ConversionRule.UnixMilliseconds));
        Assert.Equal([Utc("2023-11-14T22:13:20.123Z")], Column(result.Table, "x"));
    }

    [Fact]
    public void ChangeType_DateFormat_ParsesAndRefusesOthers()
    {
        var table = Numbers(ColumnType.Text, "04.12.1997 15:55", "31.01.2024 00:00", "2024-01-31");
        var step = new ChangeTypeStep("x", ColumnType.DateTime, ConversionRule.DateFormat, "dd.MM.yyyy HH:mm");
        var error = Assert.Throws<RecipeException>(() => RecipeEngine.Apply(table, step));
        Assert.Contains("1 value(s) of 'x' do not convert to DateTime by the date format dd.MM.yyyy HH:mm (row 3: '2024-01-31')", error.Message, StringComparison.Ordinal);
        var kept = RecipeEngine.Apply(table, step with { Unconvertible = UnconvertibleValues.Missing });
        Assert.Equal([Utc("1997-12-04T15:55:00Z"), Utc("2024-01-31T00:00:00Z"), null], Column(kept.Table, "x"));
        Assert.Contains("became missing, as chosen (row 3: '2024-01-31')", kept.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeType_GermanDecimalMark_NumbersKept()
    {
        var table = Numbers(ColumnType.Text, "1.234,5", "3,14", "-0,5", "12");
        var result = RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.Decimal, ConversionRule.Locale, "de-DE"));
        Assert.Equal([1234.5, 3.14, -0.5, 12.0], Column(result.Table, "x"));
    }

    [Fact]
    public void ChangeType_RuleDoesNotFitTarget_RefusedNamingIt()
    {
        var table = Numbers(ColumnType.Integer, 1L);
        Assert.Contains("converts to DateTime, not Decimal", Assert.Throws<RecipeException>(() =>
            RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.Decimal, ConversionRule.UnixSeconds))).Message, StringComparison.Ordinal);
        Assert.Contains("\"xx-YY\" is not a known locale", Assert.Throws<RecipeException>(() =>
            RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.Decimal, ConversionRule.Locale, "xx-YY"))).Message, StringComparison.Ordinal);
        Assert.Contains("A date format is needed", Assert.Throws<RecipeException>(() =>
            RecipeEngine.Apply(table, new ChangeTypeStep("x", ColumnType.DateTime, ConversionRule.DateFormat))).Message, StringComparison.Ordinal);
    }
}
