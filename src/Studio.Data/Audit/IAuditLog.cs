namespace Studio.Data.Audit;

/// <summary>Writes and reads the audit log. Callers name the actor (see <c>Studio.Web.Audit.AuditTrail</c> for the web side).</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
