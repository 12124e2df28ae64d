using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.Data.Datasets;
using Studio.Web.Accounts;

namespace Studio.Web.Components.Pages.Data;

public sealed partial class DatasetManagePanel
{
    /// <summary>Viewers see this panel read-only; its write actions also refuse them when invoked.</summary>
    [CascadingParameter] public Task<AuthenticationState>? Authentication { get; set; }

    private bool _canWrite;

    protected override async Task OnInitializedAsync() => _canWrite = await WriteAccess.CanWriteAsync(Authentication);

    [Inject] public required DatasetCatalog Catalog { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter, EditorRequired] public required Dataset Dataset { get; set; }
    /// <summary>Raised after a rename, so the page reloads the dataset.</summary>
    [Parameter] public EventCallback Renamed { get; set; }

    private string _name = "";
    private string? _renameError;
    private DatasetDependents? _dependents;
    private bool _cascade;
    private bool _busy;

    protected override void OnParametersSet()
    {
        _name = Dataset.Name;
        _dependents = null;
        _cascade = false;
    }

    private async Task RenameAsync()
    {
        if (!_canWrite) return;
        _busy = true;
        _renameError = null;
        try
        {
            await Catalog.RenameAsync(Dataset.Id, _name);
            await Renamed.InvokeAsync();
        }
        catch (DatasetChangeException e)
        {
            _renameError = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CheckDeleteAsync() => _dependents = await Catalog.DependentsAsync(Dataset.Id);

    private async Task DeleteAsync()
    {
        if (!_canWrite) return;
        _busy = true;
        try
        {
            await Catalog.DeleteAsync(Dataset.Id, _cascade);
            Navigation.NavigateTo("data");
        }
        catch (DatasetChangeException)
        {
            // Something new came to depend on it since the list was shown: show the fresh list.
            _dependents = await Catalog.DependentsAsync(Dataset.Id);
            _cascade = false;
        }
        finally
        {
            _busy = false;
        }
    }

    private static IEnumerable<string> Lines(DatasetDependents d) => d.Groups().Select(g => $"{g.Items.Count} {g.Kind}{(g.Items.Count == 1 ? "" : "s")}: {string.Join(", ", g.Items)}");
}
