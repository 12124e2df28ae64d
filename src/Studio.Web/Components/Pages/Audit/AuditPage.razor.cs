using Microsoft.AspNetCore.Components;
using Studio.Data.Audit;
using Studio.Web.Audit;

namespace Studio.Web.Components.Pages.Audit;

/// <summary>The audit log for administrators: filter by actor, action and dates; export what is shown as CSV.</summary>
public sealed partial class AuditPage
{
    [Inject] public required IAuditLog Log { get; init; }

    private IReadOnlyList<AuditEntry>? _entries;
    private string? _actor;
    private AuditAction? _action;
    private DateTime? _from;
    private DateTime? _to;

    private AuditQuery Query => new(_actor, _action,
        _from is { } f ? new DateTimeOffset(f.Date, TimeSpan.Zero) : null,
        // The picker's "to" day is included: the query's bound is exclusive.
        _to is { } t ? new DateTimeOffset(t.Date.AddDays(1), TimeSpan.Zero) : null);

    private string CsvHref => "api/audit.csv" + AuditQueryText.ToQueryString(Query with { Limit = AuditQuery.MaxLimit });

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _entries = await Log.QueryAsync(Query);
}
