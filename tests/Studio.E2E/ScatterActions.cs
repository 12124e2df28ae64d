using Microsoft.Playwright;

namespace Studio.E2E;

/// <summary>What an analyst does with the mouse on the projection scatter.</summary>
internal static class ScatterActions
{
    public const string Scatter = "[data-testid=projection-scatter]";

    /// <summary>Drags a box selection over the plot from (from, from) to (to, to), as shares of the plot area.</summary>
    public static async Task BoxSelectAsync(IPage page, float from, float to)
    {
        await page.EvalOnSelectorAsync(Scatter, "e => Plotly.relayout(e, { dragmode: 'select' })");
        var box = (await page.Locator($"{Scatter} .nsewdrag").First.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * from, box.Y + box.Height * from);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * to, box.Y + box.Height * to, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
