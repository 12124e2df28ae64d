using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Studio.Web.Components.Pages.Projections;

/// <summary>What the browser reported after drawing.</summary>
public sealed record ScatterDrawn(int Points, double Milliseconds);

public sealed partial class ProjectionScatter
{
    [Inject] public required IJSRuntime Js { get; init; }

    [Parameter, EditorRequired] public required int ProjectionId { get; set; }
    [Parameter, EditorRequired] public required int Dimensions { get; set; }
    [Parameter] public string EntityLabel { get; set; } = "";
    [Parameter] public int Height { get; set; } = 620;
    [Parameter] public EventCallback<ScatterDrawn> Drawn { get; set; }
    [Parameter] public EventCallback<int> PointClicked { get; set; }
    [Parameter] public EventCallback<IReadOnlyList<int>> PointsSelected { get; set; }

    private readonly string _elementId = "scatter-" + Guid.NewGuid().ToString("N")[..8];
    private IJSObjectReference? _module;
    private DotNetObjectReference<ProjectionScatter>? _self;
    private int _drawnProjection = -1;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_drawnProjection == ProjectionId) return;
        _drawnProjection = ProjectionId;
        _module ??= await Js.InvokeAsync<IJSObjectReference>("import", "./js/projection-scatter.js");
        _self ??= DotNetObjectReference.Create(this);
        var id = ProjectionId.ToString(CultureInfo.InvariantCulture);
        var drawn = await _module.InvokeAsync<ScatterDrawn?>("draw", _elementId, $"api/projections/{id}/coordinates",
            $"api/projections/{id}/keys", Dimensions, EntityLabel, _self);
        if (drawn is not null) await Drawn.InvokeAsync(drawn);
    }

    /// <summary>Colours (float32 values or category codes with a palette) and sizes; null arrays clear them.</summary>
    public async Task StyleAsync(ScatterStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        if (_module is null) return;
        await _module.InvokeVoidAsync("style", _elementId, style.ColorBytes, style.ColorTitle, style.Palette, style.Categories,
            style.SizeBytes, style.SizeValueBytes, style.SizeTitle);
    }

    public async Task HighlightAsync(int? index)
    {
        if (_module is not null) await _module.InvokeVoidAsync("highlight", _elementId, index);
    }

    [JSInvokable]
    public Task OnPointClicked(int index) => PointClicked.InvokeAsync(index);

    [JSInvokable]
    public Task OnPointsSelected(int[] indices) => PointsSelected.InvokeAsync(indices);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _elementId);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page; nothing to clean up in the browser.
            }
        }
        _self?.Dispose();
    }
}
