using Microsoft.AspNetCore.Components;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;

namespace Studio.Web.Components.Pages.Data;

/// <summary>Shows the sniff result and the inferred column types; reports the analyst's overrides to the page.</summary>
public sealed partial class ImportConfirm
{
    public const int MaxRows = 10;

    [Parameter, EditorRequired] public required ImportPreview Preview { get; set; }
    [Parameter] public EventCallback<IReadOnlyList<ColumnOverride>> OverridesChanged { get; set; }
    /// <summary>The analyst edited the missing-value tokens; the page reads the file again with them.</summary>
    [Parameter] public EventCallback<IReadOnlyList<string>> MissingTokensChanged { get; set; }
    /// <summary>The analyst chose another worksheet of an .xlsx workbook; the page reads it.</summary>
    [Parameter] public EventCallback<string> SheetChanged { get; set; }
    [Parameter] public BadValuePolicy BadValues { get; set; }
    [Parameter] public EventCallback<BadValuePolicy> BadValuesChanged { get; set; }

    private readonly Dictionary<int, ColumnType> _chosen = [];
    private ImportPreview? _shown;
    private string _tokensText = "";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Preview)) return;
        _shown = Preview;
        _chosen.Clear();
        _tokensText = string.Join(", ", Preview.MissingTokens);
    }

    internal static IReadOnlyList<string> ParseTokens(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task ApplyTokens() => await MissingTokensChanged.InvokeAsync(ParseTokens(_tokensText));

    private async Task OnSheetChanged(ChangeEventArgs e)
    {
        if (e.Value?.ToString() is { Length: > 0 } sheet) await SheetChanged.InvokeAsync(sheet);
    }

    private async Task OnBadValuesChanged(ChangeEventArgs e)
    {
        if (Enum.TryParse<BadValuePolicy>(e.Value?.ToString(), out var policy)) await BadValuesChanged.InvokeAsync(policy);
    }

    private ColumnType TypeOf(int index) => _chosen.TryGetValue(index, out var type) ? type : Preview.Columns[index].Type;

    private bool IsOverridden(int index) => _chosen.TryGetValue(index, out var type) && type != Preview.Columns[index].Type;

    private async Task OnTypeChanged(int index, ChangeEventArgs e)
    {
        if (!Enum.TryParse<ColumnType>(e.Value?.ToString(), out var type)) return;
        _chosen[index] = type;
        var overrides = _chosen.Where(kv => kv.Value != Preview.Columns[kv.Key].Type)
            .OrderBy(kv => kv.Key)
            .Select(kv => new ColumnOverride(Preview.Columns[kv.Key].Name, kv.Value)).ToList();
        await OverridesChanged.InvokeAsync(overrides);
    }

    internal static string TypeLabel(ColumnType type) => type == ColumnType.DateTime ? "Date-time" : type.ToString();
}
