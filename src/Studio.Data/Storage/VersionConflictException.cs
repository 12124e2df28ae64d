namespace Studio.Data.Storage;

/// <summary>
/// A write lost a race with another one (the same version number, or the database busy past its timeout); nothing
/// of it was stored and the caller may simply try again. The HTTP API answers it with 409 Conflict.
/// </summary>
public sealed class VersionConflictException : Exception
{
    public VersionConflictException() : this("Another change was written at the same moment; nothing was stored. Try again.") { }
    public VersionConflictException(string message) : base(message) { }
    public VersionConflictException(string message, Exception inner) : base(message, inner) { }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    /// <summary>True for a unique-index violation or a busy/locked database, the two ways concurrent writers collide.</summary>
    public static bool IsConflict(Exception exception) =>
        (exception as Microsoft.Data.Sqlite.SqliteException ?? exception.InnerException as Microsoft.Data.Sqlite.SqliteException)
            is { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteConstraint };
}
