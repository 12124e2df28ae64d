using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Studio.Analysis.Recipes;
using Studio.Data.Datasets;

namespace Studio.Web.Components.Pages.Data;

public sealed partial class DatasetDetailPage
{
    private const int PreviewRows = 100;

    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required DatasetTableStore Tables { get; init; }

    [Parameter] public int DatasetId { get; set; }

    private Dataset? _dataset;
    private bool _notFound;
    private IReadOnlyList<object?[]> _rows = [];
    private List<BreadcrumbItem> _breadcrumbs = [new("Data", "data")];
    private int _tab;
    private Recipe? _seed;

    private const int RecipeTab = 3;

    private void LoadRecipe(Recipe recipe)
    {
        _seed = recipe;
        _tab = RecipeTab;
    }

    private IEnumerable<DatasetColumn> Columns => _dataset?.Columns.OrderBy(c => c.Ordinal) ?? Enumerable.Empty<DatasetColumn>();

    protected override async Task OnParametersSetAsync()
    {
        _dataset = await Datasets.FindAsync(DatasetId);
        _notFound = _dataset is null;
        if (_dataset is null) return;
        _seed = null;
        _breadcrumbs = [new("Data", "data"), new(_dataset.Name, null, disabled: true)];
        _rows = await Tables.ReadPageAsync(_dataset.TableName, Columns.ToList(), 0, PreviewRows);
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.CurrentCulture),
        long l => l.ToString(CultureInfo.CurrentCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.CurrentCulture),
        bool b => b ? "true" : "false",
        _ => value.ToString() ?? "",
    };
}
