using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Jobs;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Studio.Web.Components.Pages.Models;

namespace Studio.Web.ComponentTests.Models;

public sealed class LiveRunProgressTests : StudioTestContext
{
    private TrainingNotifier Training => Services.GetRequiredService<TrainingNotifier>();

    private static TrainingProgress EpochEnd(int epoch, double loss, TimeSpan eta) => new(
        TrainingPhase.EpochCompleted, epoch, 10, 20, 20, loss, 12_345, TimeSpan.FromSeconds(epoch * 5), eta,
        new EpochRecord(epoch, loss, loss + 0.01, new Dictionary<string, double> { [MetricNames.Auc] = 0.6 + (epoch * 0.01) }, TimeSpan.FromSeconds(5), 12_345, true));

    [Fact]
    public void LiveProgress_ThreeEpochsEnd_CurveHasThreePointsAndEtaShown()
    {
        var cut = Render<LiveRunProgress>(p => p.Add(c => c.RunId, 7).Add(c => c.JobId, Guid.NewGuid()).Add(c => c.Status, JobStatus.Running));

        Training.Publish(new RunUpdate(7, JobStatus.Running, EpochEnd(1, 0.40, TimeSpan.FromSeconds(95))));
        Training.Publish(new RunUpdate(8, JobStatus.Running, EpochEnd(1, 0.50, TimeSpan.FromSeconds(5)))); // another run
        Training.Publish(new RunUpdate(7, JobStatus.Running, EpochEnd(2, 0.35, TimeSpan.FromSeconds(60))));
        Training.Publish(new RunUpdate(7, JobStatus.Running, EpochEnd(3, 0.33, TimeSpan.FromSeconds(42))));

        cut.WaitForAssertion(() => Assert.Equal("3 epoch(s) plotted", cut.Find("[data-testid=curve-points]").TextContent.Trim()));
        Assert.Equal([1, 2, 3], cut.Instance.Epochs.Select(e => e.Epoch));
        Assert.Equal(0.33, cut.Instance.Epochs[^1].TrainLoss);
        Assert.Equal("ETA 0:42", cut.Find("[data-testid=eta]").TextContent.Trim());
        Assert.Contains("Epoch 3 of 10", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=cancel-run]"));
    }

    [Fact]
    public void LiveProgress_SameEpochTwice_PlottedOnce()
    {
        var cut = Render<LiveRunProgress>(p => p.Add(c => c.RunId, 3).Add(c => c.Status, JobStatus.Running)
            .Add(c => c.InitialEpochs, [new EpochPoint(1, 0.5, 0.52, new Dictionary<string, double>())]));

        Training.Publish(new RunUpdate(3, JobStatus.Running, EpochEnd(1, 0.5, TimeSpan.FromSeconds(10))));
        Training.Publish(new RunUpdate(3, JobStatus.Running, EpochEnd(2, 0.45, TimeSpan.FromSeconds(9))));

        cut.WaitForAssertion(() => Assert.Equal("2 epoch(s) plotted", cut.Find("[data-testid=curve-points]").TextContent.Trim()));
    }

    [Fact]
    public void LiveProgress_RunSucceeds_CancelDisappearsAndFinishedRaised()
    {
        JobStatus? finished = null;
        var cut = Render<LiveRunProgress>(p => p.Add(c => c.RunId, 5).Add(c => c.JobId, Guid.NewGuid()).Add(c => c.Status, JobStatus.Running)
            .Add(c => c.Finished, (JobStatus s) => finished = s));

        Training.Publish(new RunUpdate(5, JobStatus.Succeeded, null));

        cut.WaitForAssertion(() => Assert.Equal(JobStatus.Succeeded, finished));
        Assert.Empty(cut.FindAll("[data-testid=cancel-run]"));
    }
}
