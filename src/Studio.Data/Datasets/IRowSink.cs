namespace Studio.Data.Datasets;

/// <summary>
/// Receives one row's typed cells column by column, then <see cref="EndRow"/>. Lets an importer hand values over
/// without boxing them or materialising strings; <see cref="TableRowWriter"/> binds them straight to SQLite.
/// </summary>
public interface IRowSink
{
    void Null(int column);
    void Integer(int column, long value);
    void Real(int column, double value);
    void Text(int column, ReadOnlySpan<char> value);
    /// <summary>Stored as ISO 8601 text in UTC with a Z, the format <see cref="DatasetTableStore"/> reads back.</summary>
    void Utc(int column, DateTime utc);
    void EndRow();
}

/// <summary>A sink that drops every value: a dry run parses and counts, then stores nothing.</summary>
public sealed class NullRowSink : IRowSink
{
    public static readonly NullRowSink Instance = new();

    public void Null(int column) { }
    public void Integer(int column, long value) { }
    public void Real(int column, double value) { }
    public void Text(int column, ReadOnlySpan<char> value) { }
    public void Utc(int column, DateTime utc) { }
    public void EndRow() { }
}
