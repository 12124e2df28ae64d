using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Analysis.Segments;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>Edits one <see cref="RuleDraft"/>; the parent re-counts on <see cref="Changed"/>.</summary>
public sealed partial class RuleEditor
{
    [Parameter, EditorRequired] public required RuleDraft Draft { get; set; }
    [Parameter] public IReadOnlyList<AttributeInfo> Attributes { get; set; } = [];
    [Parameter] public IReadOnlyList<RfmDimension> Rfm { get; set; } = [];
    [Parameter] public string Label { get; set; } = "";
    [Parameter] public EventCallback Changed { get; set; }
    [Parameter] public EventCallback Removed { get; set; }

    private AttributeInfo? Column => Attributes.FirstOrDefault(a => a.Name == Draft.Column);

    private Task ColumnChanged(string column)
    {
        Draft.Column = column;
        Draft.ResetFor(Column);
        return Changed.InvokeAsync();
    }

    private Task TestChanged(AttributeTest test) => SetAsync(() => Draft.Test = test);

    private Task ValuesChanged(IEnumerable<string> values) => SetAsync(() => Draft.Values = [.. values]);

    private Task SetAsync(Action change)
    {
        change();
        return Changed.InvokeAsync();
    }

    private static string Span(double? min, double? max) => min is null
        ? "no values"
        : string.Create(CultureInfo.CurrentCulture, $"values {min:#,0.##} – {max:#,0.##}");

    private static string Span(DateTimeOffset? first, DateTimeOffset? last) => first is null
        ? "no dates"
        : string.Create(CultureInfo.CurrentCulture, $"{first:d} – {last:d}");
}
