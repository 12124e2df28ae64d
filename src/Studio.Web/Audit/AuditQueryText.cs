using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Studio.Data.Audit;

namespace Studio.Web.Audit;

/// <summary>
/// The audit filter as a query string (<c>actor</c>, <c>action</c>, <c>from</c>, <c>to</c>, <c>limit</c>), shared by
/// <c>GET /api/audit</c>, its CSV export and the page's export link. Unknown keys and bad values are refused by name.
/// </summary>
public static class AuditQueryText
{
    public static readonly IReadOnlyList<string> Keys = ["actor", "action", "from", "to", "limit"];

    /// <returns>The query, or the error that names the offending key.</returns>
    public static (AuditQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var unknown = query.Keys.Where(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            return (null, $"Unknown query option(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the audit filter takes {string.Join(", ", Keys)}.");
        AuditAction? action = null;
        if (Text(query, "action") is { } actionText)
        {
            if (!Enum.TryParse<AuditAction>(actionText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || actionText.All(char.IsAsciiDigit))
                return (null, $"action: '{actionText}' is not an audit action; use one of {string.Join(", ", Enum.GetNames<AuditAction>())}.");
            action = parsed;
        }
        if (!TryDate(query, "from", out var from, out var error) || !TryDate(query, "to", out var to, out error)) return (null, error);
        var limit = AuditQuery.DefaultLimit;
        if (Text(query, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > AuditQuery.MaxLimit))
            return (null, $"limit: '{limitText}' is not a whole number from 1 to {AuditQuery.MaxLimit}.");
        return (new AuditQuery(Text(query, "actor"), action, from, to, limit), null);
    }

    public static string ToQueryString(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = new Dictionary<string, string?>
        {
            ["actor"] = string.IsNullOrWhiteSpace(query.Actor) ? null : query.Actor,
            ["action"] = query.Action?.ToString(),
            ["from"] = query.From?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("O", CultureInfo.InvariantCulture),
            ["limit"] = query.Limit == AuditQuery.DefaultLimit ? null : query.Limit.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("", pairs.Where(p => p.Value is not null));
    }

    private static string? Text(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

    private static bool TryDate(IQueryCollection query, string key, out DateTimeOffset? value, out string? error)
    {
        value = null;
        error = null;
        if (Text(query, key) is not { } text) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        error = $"{key}: '{text}' is not a date or time (use ISO 8601, e.g. 2026-12-03 or 2026-12-03T09:30:00Z).";
        return false;
    }
}
