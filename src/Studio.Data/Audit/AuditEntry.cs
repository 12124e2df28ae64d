namespace Studio.Data.Audit;

/// <summary>One line of the audit log: who did what to which target, when, and how many rows it touched.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The signed-in user name, or <see cref="AuditActors.Local"/> in desktop mode / without sign-in.</summary>
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>What was acted on, e.g. <c>segment 12</c> or <c>upload events.csv</c>.</summary>
    public required string Target { get; set; }
    public string? Detail { get; set; }
    public long? RowCount { get; set; }
    public int? WorkspaceId { get; set; }
}

/// <summary>What an audit line records. Stored by name, so new actions can be appended anywhere.</summary>
public enum AuditAction
{
    Upload,
    UploadDeleted,
    SegmentDeleted,
    SegmentExported,
    ShareLinkCreated,
    ShareLinkRevoked,
    SignIn,
    SignInFailed,
    RoleChanged,
}

public static class AuditActors
{
    /// <summary>The actor when nobody is signed in: desktop mode, or a web server without sign-in.</summary>
    public const string Local = "local";
    /// <summary>The actor of housekeeping Studio does itself (retention, the start-up sweep).</summary>
    public const string System = "system";
}

/// <summary>A line to record; the log stamps the time.</summary>
public sealed record AuditRecord(string Actor, AuditAction Action, string Target, string? Detail = null, long? RowCount = null, int? WorkspaceId = null);

/// <summary>A filter over the log: every part optional; <see cref="To"/> is exclusive.</summary>
public sealed record AuditQuery(string? Actor = null, AuditAction? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 100_000;
}
