namespace Studio.Analysis.UnitTests.Export;

internal static class ExportTestData
{
    public static readonly string[] Header = ["customer_id", "name", "spend", "balance", "vip", "note"];

    public static readonly object?[][] Rows =
    [
        ["C-1", "=HYPERLINK(\"http://x\")", 120.5, -5, true, "-5"],
        ["C-2", "@SUM(A1)", 0.0, -12.25, false, "+44 20 7946"],
        ["C-3", "Ana, \"the\" analyst", double.NaN, 3L, false, "\tTabbed"],
    ];

    public static async IAsyncEnumerable<object?[]> RowsAsync()
    {
        foreach (var row in Rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>A write-only, forward-only stream like an HTTP response body.</summary>
    public sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
