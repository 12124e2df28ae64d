using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class SequenceRunFormTests : StudioTestContext
{
    public SequenceRunFormTests() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    [Fact]
    public async Task Form_DemoEventsAndProducts_ColumnsGuessedAndValid()
    {
        var (workspaceId, events, products) = await SequenceRunSeed.SeedAsync(this, eventLines: 200);

        var cut = Render<SequenceRunForm>(p => p.Add(x => x.Datasets, [events, products]).Add(x => x.WorkspaceId, workspaceId));

        Assert.Empty(cut.FindAll("[data-testid=seq-problems]"));
        Assert.False(cut.Find("[data-testid=seq-start]").HasAttribute("disabled"));
        Assert.Contains("Join a products dataset", cut.Find("[data-testid=sequence-form]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewRunPage_FamilySequenceQuery_ShowsTheSequenceFormInsteadOfTheTableForm()
    {
        await SequenceRunSeed.SeedAsync(this, eventLines: 200);
        Services.GetRequiredService<NavigationManager>().NavigateTo("models/new?family=sequence");

        var cut = Render<NewRunPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=sequence-form]")));
        Assert.Empty(cut.FindAll("[data-testid=training-form]"));
        Assert.Empty(cut.FindAll("[data-testid=seq-problems]"));
        Assert.Contains("events v1", cut.Find("[data-testid=sequence-form]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_CategoryTargetWithoutCategory_ExplainsBothProblems()
    {
        var (_, events, _) = await SequenceRunSeed.SeedAsync(this, eventLines: 200);
        var model = new SequenceFormModel { Customer = "customer_id", Item = "product_id", Timestamp = "timestamp", Target = Studio.Ml.Sequences.Service.SequenceTarget.Category };

        var (spec, problems) = model.Build(events);

        Assert.Null(spec);
        Assert.Contains("Predicting the next category needs a category (an events column or a products join).", problems);
        Assert.Contains(problems, p => p.StartsWith("Merging repeats with a category target", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SameColumnTwice_ExplainsIt()
    {
        var model = new SequenceFormModel { Customer = "a", Item = "a", Timestamp = "t" };

        var problems = model.Build(new Studio.Data.Datasets.Dataset { Name = "events", TableName = "x", SourceFileName = "e.csv", RowCount = 100 }).Problems;

        Assert.Contains("Customer, item and timestamp must be three different columns.", problems);
    }
}
