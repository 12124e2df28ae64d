using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Ingest;

public sealed class TypeInferenceTests
{
    private static InferredColumn Infer(string name, params string[] values) => ColumnTypeInference.Infer(name, values, ',');

    private static string[] Repeat(int count, Func<int, string> value) => [.. Enumerable.Range(0, count).Select(value)];

    [Fact]
    public void Infer_WholeNumbers_Integer() =>
        Assert.Equal(ColumnType.Integer, Infer("quantity", "1", "2", "-3", "", "40").Type);

    [Fact]
    public void Infer_WholeNumbersNamedLikeAnId_Identifier()
    {
        Assert.Equal(ColumnType.Identifier, Infer("customer_id", "101", "102", "101").Type);
        Assert.Equal(ColumnType.Identifier, Infer("CustomerID", "101", "102").Type);
        Assert.Equal(ColumnType.Integer, Infer("paid", "1", "2", "3").Type);
    }

    [Fact]
    public void Infer_Decimals_DecimalPlainFormat()
    {
        var column = Infer("revenue", "1.5", "2", "3.25e2");
        Assert.Equal(ColumnType.Decimal, column.Type);
        Assert.Equal(NumberFormat.Plain, column.NumberFormat);
    }

    [Fact]
    public void Infer_CommaDecimalWithSemicolonFile_CommaDecimal()
    {
        var column = ColumnTypeInference.Infer("price", ["3,14", "1.234,5", "10"], ';');
        Assert.Equal(ColumnType.Decimal, column.Type);
        Assert.Equal(NumberFormat.CommaDecimal, column.NumberFormat);
    }

    [Fact]
    public void NumberFormats_CommaDecimal_RefusesDotThatIsNotAThousandsGroup()
    {
        Assert.True(NumberFormats.TryParseDecimal("1.234,5", NumberFormat.CommaDecimal, out var grouped));
        Assert.Equal(1234.5, grouped);
        Assert.False(NumberFormats.TryParseDecimal("2.5", NumberFormat.CommaDecimal, out _));
        Assert.False(NumberFormats.TryParseDecimal("1,2,3", NumberFormat.CommaThousands, out _));
    }

    [Fact]
    public void Infer_NaNAmongNumbers_DecimalWithNote()
    {
        var column = Infer("score", "1", "2", "NaN", "Infinity");
        Assert.Equal(ColumnType.Decimal, column.Type);
        Assert.Contains(column.Notes, n => n.StartsWith("2 sampled value(s) are NaN or Infinity", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("churned", ColumnType.Boolean)]
    [InlineData("is_member", ColumnType.Boolean)]
    [InlineData("visits", ColumnType.Integer)]
    public void Infer_ZeroOne_BooleanOnlyWhenNamedLikeAFlag(string name, ColumnType expected) =>
        Assert.Equal(expected, Infer(name, "0", "1", "1", "0").Type);

    [Fact]
    public void Infer_YesNo_Boolean() => Assert.Equal(ColumnType.Boolean, Infer("member", "Yes", "no", "YES", "").Type);

    [Fact]
    public void Infer_IsoDates_DateTimeIso()
    {
        var column = Infer("ts", "2024-01-02T03:04:05Z", "2024-01-03 10:00:00+08:00", "2024-02-01");
        Assert.Equal(ColumnType.DateTime, column.Type);
        Assert.Equal(DateFamily.Iso, column.DateFamily);
    }

    [Fact]
    public void Infer_SlashDatesWithDayAbove12_DayFirst() =>
        Assert.Equal(DateFamily.DayFirst, Infer("d", "03/04/2024", "25/12/2024", "01/02/2024").DateFamily);

    [Fact]
    public void Infer_SlashDatesWithMonthSecondAbove12_MonthFirst() =>
        Assert.Equal(DateFamily.MonthFirst, Infer("d", "03/04/2024", "12/25/2024", "01/02/2024").DateFamily);

    [Fact]
    public void Infer_AmbiguousSlashDates_DayFirstWithNote()
    {
        var column = Infer("d", "03/04/2024", "01/02/2024");
        Assert.Equal(DateFamily.DayFirst, column.DateFamily);
        Assert.Contains(column.Notes, n => n.Contains("both day-first and month-first", StringComparison.Ordinal));
    }

    [Fact]
    public void DateFormats_ZoneOffset_NormalisedToUtc()
    {
        Assert.True(DateFormats.TryParse("2024-03-12T08:30:00+02:00", DateFamily.Iso, out var parsed));
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 6, 30, 0, TimeSpan.Zero), parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void Infer_FewRepeatedLabels_Categorical() =>
        Assert.Equal(ColumnType.Categorical, Infer("device", Repeat(300, i => (i % 3) switch { 0 => "mobile", 1 => "desktop", _ => "tablet" })).Type);

    [Fact]
    public void Infer_UniqueCodes_Identifier() =>
        Assert.Equal(ColumnType.Identifier, Infer("session", Repeat(300, i => $"s{i:D6}")).Type);

    [Fact]
    public void Infer_UniqueSentences_Text() =>
        Assert.Equal(ColumnType.Text, Infer("comment", Repeat(300, i => $"customer {i} said something")).Type);

    [Fact]
    public void Infer_AllMissing_Text() => Assert.Equal(ColumnType.Text, Infer("empty", "", "NA", "null").Type);

    [Fact]
    public void Infer_OneTypoInHundredNumbers_NotANumberType() =>
        Assert.DoesNotContain(Infer("qty", [.. Repeat(99, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "12a"]).Type,
            (ColumnType[])[ColumnType.Integer, ColumnType.Decimal]);

    [Fact]
    public void Infer_NoneInACategoryColumn_ACategoryNotMissing()
    {
        var column = Infer("loyalty_tier", [.. Repeat(40, i => i % 3 == 0 ? "none" : i % 3 == 1 ? "silver" : "gold")]);
        Assert.Equal(ColumnType.Categorical, column.Type);
        Assert.Contains("3 distinct", column.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValues_DefaultAndCustom_MatchOnlyTheirTokens()
    {
        Assert.True(MissingValues.Default.IsMissing(" NA "));
        Assert.True(MissingValues.Default.IsMissing("null"));
        Assert.True(MissingValues.Default.IsMissing("-"));
        Assert.True(MissingValues.Default.IsMissing("   "));
        Assert.False(MissingValues.Default.IsMissing("none"));
        Assert.False(MissingValues.Default.IsMissing("None"));
        Assert.False(MissingValues.Default.IsMissing("-5"));
        var custom = new MissingValues(["none", "?"]);
        Assert.True(custom.IsMissing("NONE"));
        Assert.True(custom.IsMissing("?"));
        Assert.False(custom.IsMissing("NA"));
        Assert.True(custom.IsMissing(""));
        Assert.False(new MissingValues([]).IsMissing("NA"));
    }
}
