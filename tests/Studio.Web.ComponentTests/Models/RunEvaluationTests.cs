using Bunit;
using Studio.Core.Jobs;
using Studio.Data.Models;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;
using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class RunEvaluationTests : StudioTestContext
{
    private static readonly TrainingRun Run = new()
    {
        Id = 1, DatasetId = 99, DatasetName = "customers", Name = "run", SpecJson = "{}", ModelKind = "Mlp", Task = "Binary",
        TargetColumn = "y", Status = JobStatus.Succeeded,
    };

    // Scores 0.1…0.8 with labels: at 0.5 → TP 3 (0.6,0.7,0.8), FP 1 (0.5), FN 1 (0.4), TN 3.
    private static readonly Predictions Binary = new(PredictionTask.Binary, ["0", "1"], [0, 1, 2, 3, 4, 5, 6, 7],
        [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], null, [0, 0, 0, 1, 0, 1, 1, 1]);

    [Fact]
    public async Task Evaluation_ThresholdMoved_MetricsRecomputedFromStoredPredictions()
    {
        var cut = Render<RunEvaluation>(p => p.Add(c => c.Run, Run).Add(c => c.Predictions, Binary));

        Assert.Equal("0.938", cut.Find("[data-testid=metric-auc]").TextContent.Trim()); // 15 of 16 pairs ordered
        Assert.Equal("0.750", cut.Find("[data-testid=metric-precision]").TextContent.Trim());
        Assert.Equal("0.750", cut.Find("[data-testid=metric-recall]").TextContent.Trim());

        var slider = cut.FindComponent<MudBlazor.MudSlider<double>>().Instance;
        await cut.InvokeAsync(() => slider.ValueChanged.InvokeAsync(0.65));

        cut.WaitForAssertion(() => Assert.Equal("1.000", cut.Find("[data-testid=metric-precision]").TextContent.Trim()));
        Assert.Equal("0.500", cut.Find("[data-testid=metric-recall]").TextContent.Trim());
        Assert.Equal("0.65", cut.Find("[data-testid=threshold-value]").TextContent.Trim());
    }
}
