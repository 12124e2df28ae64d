using Microsoft.Playwright;

namespace Studio.E2E;

/// <summary>The control for every "no CSP violations" assertion: what the policy forbids is blocked and reported.</summary>
[Collection(StudioAppCollection.Name)]
public sealed class CspTests(StudioAppFixture app)
{
    [Fact]
    public async Task Csp_InlineScript_IsBlockedAndReported()
    {
        // Its own context, so the deliberate violations stay out of the fixture's list the other tests check.
        await using var context = await app.NewContextAsync(app.AdminStorageState);
        var page = await context.NewPageAsync();
        var reported = new List<string>();
        page.Console += (_, message) =>
        {
            if (StudioAppFixture.IsCspViolation(message)) lock (reported) reported.Add(message.Text);
        };
        await page.GotoAsync(app.BaseUrl + "/");
        await page.WaitForSelectorAsync("[data-testid=nav]");

        var inlineRan = await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.head.appendChild(s); return window.injected === true; }
            """);

        Assert.False(inlineRan);
        await page.WaitForTimeoutAsync(500);
        lock (reported) Assert.Contains(reported, r => r.Contains("inline script", StringComparison.Ordinal));
        Assert.DoesNotContain(app.CspViolations, v => v.Contains("inline script", StringComparison.Ordinal));
    }
}
