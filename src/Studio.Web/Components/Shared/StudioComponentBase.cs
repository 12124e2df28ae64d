using Microsoft.AspNetCore.Components;

namespace Studio.Web.Components.Shared;

/// <summary>
/// Base for components that listen to background events (job progress, workspace changes). Background callbacks
/// re-enter the circuit through <see cref="ComponentBase.InvokeAsync(Func{Task})"/>; failures are dispatched to
/// the renderer instead of being lost in an unobserved task.
/// </summary>
public abstract class StudioComponentBase : ComponentBase
{
    protected void RefreshFromBackground(Action? update = null) => RefreshFromBackground(() =>
    {
        update?.Invoke();
        return Task.CompletedTask;
    });

    protected void RefreshFromBackground(Func<Task> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var task = InvokeAsync(async () =>
        {
            await update();
            StateHasChanged();
        });
        task.ContinueWith(t => DispatchExceptionAsync(t.Exception!.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
