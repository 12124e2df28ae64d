using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Studio.Analysis.ModelEncoding;
using Studio.Web.Components.Pages.Data.Encoding;

namespace Studio.Web.ComponentTests.Data;

public sealed class EncodingPanelTests : DataTestContext
{
    // 10 rows: "a" x6, "b" x3, "c" x1; spend 1..10.
    private const string Csv = "customer_id,segment,spend\n1,a,1\n2,a,2\n3,a,3\n4,b,4\n5,a,5\n6,b,6\n7,a,7\n8,c,8\n9,a,9\n10,b,10\n";

    [Fact]
    public async Task EncodingPanel_NothingFitted_DefaultColumnsAndEmptyState()
    {
        var dataset = await ImportAsync("people.csv", Csv);
        var cut = Render<EncodingPanel>(p => p.Add(c => c.Dataset, dataset));

        Assert.NotNull(cut.Find("[data-testid=encoding-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=download-encoding]"));
        Assert.Empty(cut.FindAll("[data-testid=encoding-invalid]"));
        Assert.False(cut.Find("[data-testid=fit-encoding]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task EncodingPanel_Fit_ShowsVocabularyUnknownShareAndScalerAndSavesWithVersion()
    {
        var dataset = await ImportAsync("people.csv", Csv);
        var cut = Render<EncodingPanel>(p => p.Add(c => c.Dataset, dataset));

        cut.Find("[data-testid=fit-encoding]").Click();
        cut.WaitForElement("[data-testid=encoding-vocabularies]");

        var saved = await Services.GetRequiredService<EncoderStore>().LoadAsync(dataset.Id);
        Assert.NotNull(saved);
        Assert.Equal(8, saved.TrainingRows); // 20 % of 10 held out
        Assert.Equal(2, saved.HeldOutRows);
        Assert.Equal(["segment"], saved.Spec.Categorical);
        Assert.Equal(["spend"], saved.Spec.Numeric);
        var coverage = saved.Coverage.Single();
        var row = cut.Find("[data-testid=encoding-vocabularies] tbody tr").TextContent;
        Assert.Contains("segment", row, StringComparison.Ordinal);
        Assert.Contains(coverage.Cardinality.ToString(System.Globalization.CultureInfo.CurrentCulture), row, StringComparison.Ordinal);
        Assert.Contains(coverage.UnknownShareTraining.ToString("P1", System.Globalization.CultureInfo.CurrentCulture), row, StringComparison.Ordinal);
        var scaler = cut.Find("[data-testid=encoding-scalers] tbody tr").TextContent;
        Assert.Contains(saved.Scalers[0].Mean.ToString("G5", System.Globalization.CultureInfo.CurrentCulture), scaler, StringComparison.Ordinal);
        Assert.Contains("8 training rows", cut.Find("[data-testid=encoding-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"api/datasets/{dataset.Id}/encoding", cut.Find("[data-testid=download-encoding]").GetAttribute("href"));
    }
}
