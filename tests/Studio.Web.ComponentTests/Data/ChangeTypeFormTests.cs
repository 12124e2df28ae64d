using Bunit;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Web.Components.Pages.Data.Recipes;

namespace Studio.Web.ComponentTests.Data;

public sealed class ChangeTypeFormTests : DataTestContext
{
    [Fact]
    public void StepDraft_ChangeTypeWithRule_BuildsStepAndRoundTrips()
    {
        var draft = new StepDraft { Kind = StepKind.ChangeType, Column = "rated_at", Type = ColumnType.DateTime, Conversion = ConversionRule.UnixSeconds };
        var step = Assert.IsType<ChangeTypeStep>(draft.ToStep());
        Assert.Equal(new ChangeTypeStep("rated_at", ColumnType.DateTime, ConversionRule.UnixSeconds, null, UnconvertibleValues.Fail), step);
        Assert.Equal(step, StepDraft.From(step).ToStep());

        draft.Conversion = ConversionRule.Locale;
        Assert.Contains("a locale such as de-DE", Assert.Throws<RecipeException>(draft.ToStep).Message, StringComparison.Ordinal);
        draft.Format = "de-DE";
        draft.Type = ColumnType.Decimal;
        draft.Unconvertible = UnconvertibleValues.Missing;
        Assert.Equal(new ChangeTypeStep("rated_at", ColumnType.Decimal, ConversionRule.Locale, "de-DE", UnconvertibleValues.Missing), draft.ToStep());
    }
}
