using Bunit;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Web.Components.Layout;

namespace Studio.Web.ComponentTests.Layout;

public sealed class RunningJobsIndicatorTests : StudioTestContext
{
    private static JobSnapshot Job(Guid id, JobStatus status, double progress) =>
        new(id, JobKind.Training, "Train propensity", status, progress, null, null, DateTimeOffset.UnixEpoch, null, null);

    [Fact]
    public void Indicator_NoJobs_ShowsNoBadge()
    {
        var indicator = Render<RunningJobsIndicator>();

        Assert.Empty(indicator.FindAll(".mud-badge-badge, .mud-badge.mud-badge-top"));
        Assert.DoesNotContain("studio-spin", indicator.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicator_JobsStartAndFinish_BadgeCountFollowsLive()
    {
        var indicator = Render<RunningJobsIndicator>();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        Notifier.Publish(Job(first, JobStatus.Running, 0.2));
        Notifier.Publish(Job(second, JobStatus.Queued, 0));
        indicator.WaitForAssertion(() => Assert.Contains(">2<", indicator.Find(".mud-badge").OuterHtml.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains("studio-spin", indicator.Markup, StringComparison.Ordinal);

        Notifier.Publish(Job(first, JobStatus.Succeeded, 1));
        indicator.WaitForAssertion(() => Assert.Contains(">1<", indicator.Find(".mud-badge").OuterHtml.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));

        Notifier.Publish(Job(second, JobStatus.Cancelled, 0));
        indicator.WaitForAssertion(() => Assert.DoesNotContain("studio-spin", indicator.Markup, StringComparison.Ordinal));
    }
}
