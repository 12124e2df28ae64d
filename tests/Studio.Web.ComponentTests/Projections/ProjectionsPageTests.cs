using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Studio.Data;
using Studio.Data.Jobs;
using Studio.Core.Jobs;
using Studio.Data.Models;
using Studio.Ml.Projections;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Studio.Web.Components.Pages.Projections;

namespace Studio.Web.ComponentTests.Projections;

public sealed class ProjectionsPageTests : StudioTestContext
{
    private JobWorker? _worker;

    public ProjectionsPageTests() => Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    protected override async ValueTask DisposeAsyncCore()
    {
        if (_worker is not null) await _worker.StopAsync(CancellationToken.None);
        _worker?.Dispose();
        await base.DisposeAsyncCore();
    }

    // The context registers no configuration, so the worker is composed by hand, as the host would.
    private async Task StartWorkerAsync()
    {
        _worker = new JobWorker(Services.GetRequiredService<JobQueue>(), Notifier, Services.GetRequiredService<IDbContextFactory<StudioDbContext>>(),
            Services.GetRequiredService<IServiceScopeFactory>(), new ConfigurationBuilder().Build(), TimeProvider.System, NullLogger<JobWorker>.Instance);
        await _worker.StartAsync(CancellationToken.None);
    }

    /// <summary>A real one-epoch run on the demo customers, trained by the job worker as in the app.</summary>
    private async Task<TrainingRun> TrainAsync(int workspaceId)
    {
        var dataset = await ImportCsvAsync(workspaceId, Path.Combine(Studio.Web.Hosting.StudioPaths.Locate().SampleDatasets, "retail-demo", "customers.csv"), "customers");
        await StartWorkerAsync();
        var spec = new TrainingSpec
        {
            TargetColumn = "purchased_next_30d",
            CategoricalColumns = ["region", "channel"],
            NumericColumns = ["age"],
            Model = new ModelSpec { HiddenSizes = [8] },
            Epochs = 1,
            EarlyStopping = null,
        };
        var started = await Services.GetRequiredService<TrainingService>().StartAsync(new StartTrainingRequest(workspaceId, dataset.Id, "tiny", spec));
        var store = Services.GetRequiredService<TrainingRunStore>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = (await store.FindAsync(started.RunId))!;
            if (run.Status.IsFinished()) return run.Status == JobStatus.Succeeded ? run : throw new InvalidOperationException(run.Error);
            if (DateTime.UtcNow > deadline) throw new TimeoutException("training did not finish");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Page_NoFinishedRuns_SaysTrainFirstAndShowsEmptyState()
    {
        await CreateWorkspaceAsync();

        var cut = Render<ProjectionsPage>();

        cut.WaitForAssertion(() => Assert.Contains("No finished training run", cut.Find("[data-testid=no-runs]").TextContent, StringComparison.Ordinal));
        Assert.Contains("See the space your model learned", cut.Find("[data-testid=projection-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=project-button]"));
        Assert.Empty(cut.FindAll("[data-testid=projection-scatter]"));
    }

    [Fact]
    public async Task Setup_TsnePerplexityAboveRegionCount_ExplainsAndDisablesProjectUntilFixed()
    {
        var workspaceId = await CreateWorkspaceAsync();
        var run = await TrainAsync(workspaceId);

        var cut = Render<ProjectionSetup>(p => p.Add(s => s.Runs, [run]).Add(s => s.WorkspaceId, workspaceId)
            .Add(s => s.RunId, run.Id).Add(s => s.InitialSource, "embedding:region"));
        cut.WaitForAssertion(() => Assert.Contains("Embedding of region · 5 ×", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=form-problem]")); // PCA 2D of 5 regions is fine
        Assert.False(cut.Find("[data-testid=project-button]").HasAttribute("disabled"));

        cut.Instance.Form.Method = ProjectionMethod.Tsne;
        cut.Render();

        var problem = cut.Find("[data-testid=form-problem]").TextContent;
        Assert.Contains("Perplexity must be above 1 and below the 5 points (got 30)", problem, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=project-button]").HasAttribute("disabled"));

        cut.Instance.Form.Perplexity = 2;
        cut.Render();
        Assert.Empty(cut.FindAll("[data-testid=form-problem]"));
        Assert.False(cut.Find("[data-testid=project-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Page_FinishedProjectionInQuery_ShowsQualityAndScatter()
    {
        var workspaceId = await CreateWorkspaceAsync();
        var run = await TrainAsync(workspaceId);
        var service = Services.GetRequiredService<Studio.Ml.Projections.Jobs.ProjectionService>();
        var start = await service.StartAsync(workspaceId, new Studio.Ml.Projections.Vectors.VectorSourceSpec(run.Id, Studio.Ml.Projections.Vectors.VectorSourceKind.HiddenLayer),
            new ProjectionRequest(ProjectionMethod.Pca, QualityRows: 200));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await service.StartAsync(workspaceId, new(run.Id, Studio.Ml.Projections.Vectors.VectorSourceKind.HiddenLayer),
                   new ProjectionRequest(ProjectionMethod.Pca, QualityRows: 200))).Status != JobStatus.Succeeded)
        {
            Assert.True(DateTime.UtcNow < deadline, "projection did not finish");
            await Task.Delay(100);
        }

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"projections?projection={start.ProjectionId}");
        var cut = Render<ProjectionsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=projection-scatter]")));
        Assert.Equal(start.ProjectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("[data-testid=projection-scatter]").GetAttribute("data-projection"));
        Assert.Matches(@"Trustworthiness \d\.\d{3}", cut.Find("[data-testid=trustworthiness]").TextContent);
        Assert.Contains("PCA 2D of 5,000 × 8 vectors", cut.Find("[data-testid=quality-card]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=projection-empty]"));
        Assert.StartsWith("PCA 2D of hidden layer · trust 0.", cut.Find("[data-testid=earlier-projection]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_TsneStartedThenCancelled_ShowsProgressThenSaysCancelled()
    {
        var workspaceId = await CreateWorkspaceAsync();
        await TrainAsync(workspaceId);
        var cut = Render<ProjectionsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Last hidden layer", cut.Markup, StringComparison.Ordinal));
        var setup = cut.FindComponent<ProjectionSetup>();
        setup.Instance.Form.Method = ProjectionMethod.Tsne;
        setup.Instance.Form.Iterations = 5000;

        await cut.InvokeAsync(() => cut.Find("[data-testid=project-button]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=projection-progress]")), TimeSpan.FromSeconds(20));
        Assert.True(cut.Find("[data-testid=project-button]").HasAttribute("disabled"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=cancel-projection]").Click());

        cut.WaitForAssertion(() => Assert.Equal("The projection was cancelled.", cut.Find("[data-testid=projection-failed]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[data-testid=projection-progress]"));
        Assert.Empty(cut.FindAll("[data-testid=projection-scatter]"));
        var rows = await Services.GetRequiredService<Studio.Data.Projections.ProjectionStore>().ListForRunAsync((await Services.GetRequiredService<TrainingRunStore>().ListAsync(workspaceId))[0].Id);
        Assert.Equal(JobStatus.Cancelled, Assert.Single(rows).Status);
    }
}
