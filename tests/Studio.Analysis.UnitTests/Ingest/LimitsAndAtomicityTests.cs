using System.Text;
using Microsoft.Extensions.Configuration;
using Studio.Analysis.Ingest;

namespace Studio.Analysis.UnitTests.Ingest;

public sealed class LimitsAndAtomicityTests() : StudioTestBase(new IngestOptions { MaxUploadBytes = 20_000_000 })
{
    private static string Events(int rows, int? raggedAtRow = null)
    {
        var text = new StringBuilder("customer_id,amount,event_type\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append(i % 997).Append(',').Append(i % 100).Append(".25,").Append(i % 3 == 0 ? "view" : "buy");
            if (i == raggedAtRow) text.Append(",oops");
            text.Append('\n');
        }
        return text.ToString();
    }

    [Fact]
    public async Task Import_FileOverSizeLimit_RefusedWithLimit()
    {
        await using var small = await StudioFixture.CreateAsync(new IngestOptions { MaxUploadBytes = 100 });
        var path = small.WriteFile("big.csv", Events(20));
        var error = await Assert.ThrowsAsync<DataImportException>(() => small.ImportAsync(path));
        Assert.Contains("over the upload limit of 100 bytes (Studio:MaxUploadBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await small.CountStoredAsync());
    }

    [Fact]
    public async Task Import_GzipExpandingPastTheLimit_RefusedAsBombAndNothingStored()
    {
        await using var small = await StudioFixture.CreateAsync(new IngestOptions { MaxDecompressedBytes = 1_000_000 });
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(Encoding.ASCII.GetBytes(Events(100_000))); // about 1.6 MB of text, a few hundred KB compressed
        var path = small.WriteFile("bomb.csv.gz", compressed.ToArray());
        Assert.True(new FileInfo(path).Length < 1_000_000);

        var error = await Assert.ThrowsAsync<DataImportException>(() => small.ImportAsync(path));
        Assert.Contains("expands to more than 1,000,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("(Studio:MaxDecompressedBytes)", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await small.CountStoredAsync());
    }

    [Fact]
    public void IngestOptions_FromConfiguration_ReadsMaxDecompressedBytes()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(IngestOptions.MaxDecompressedBytesKey, "777")]).Build();
        Assert.Equal(777, IngestOptions.FromConfiguration(configuration).MaxDecompressedBytes);
        Assert.Equal(IngestOptions.DefaultMaxUploadBytes, IngestOptions.FromConfiguration(configuration).MaxUploadBytes);
        Assert.Equal(16L << 30, IngestOptions.FromConfiguration(null).MaxDecompressedBytes);
    }

    [Fact]
    public void IngestOptions_FromConfiguration_ReadsMaxUploadBytes()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(IngestOptions.MaxUploadBytesKey, "12345")]).Build();
        Assert.Equal(12345, IngestOptions.FromConfiguration(configuration).MaxUploadBytes);
        Assert.Equal(1L << 30, IngestOptions.FromConfiguration(null).MaxUploadBytes);
    }

    [Fact]
    public async Task Import_FiveThousandColumns_RefusedWithSqliteLimit()
    {
        var header = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"col{i}"));
        var row = string.Join(',', Enumerable.Range(0, 5000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var path = Studio.WriteFile("wide.csv", header + "\n" + row + "\n");
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.ImportAsync(path));
        Assert.Equal(1, error.Row);
        Assert.Contains("5,000 columns; a dataset holds at most 1,999", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_AtTheColumnLimit_Stored()
    {
        var header = string.Join(',', Enumerable.Range(0, IngestOptions.SqliteColumnLimit).Select(i => $"col{i}"));
        var row = string.Join(',', Enumerable.Range(0, IngestOptions.SqliteColumnLimit).Select(i => (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var path = Studio.WriteFile("wide-ok.csv", header + "\n" + row + "\n" + row + "\n");
        var result = await Studio.ImportAsync(path);
        Assert.Equal(IngestOptions.SqliteColumnLimit, result.Dataset.Columns.Count);
        Assert.Equal(2, result.Dataset.RowCount);
    }

    [Fact]
    public async Task Import_RaggedRowAfterTheTypeSample_RollsBackEverything()
    {
        var path = Studio.WriteFile("late-ragged.csv", Events(30_000, raggedAtRow: 25_000));
        var error = await Assert.ThrowsAsync<DataImportException>(() => Studio.ImportAsync(path));
        Assert.Equal(25_001, error.Row);
        Assert.Contains("Expected 3 fields (as in the header) but found 4", error.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_CancelledHalfway_LeavesNothing()
    {
        var path = Studio.WriteFile("cancel.csv", Events(200_000));
        using var cts = new CancellationTokenSource();
        long rowsWhenCancelled = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Rows >= 50_000 && !cts.IsCancellationRequested)
            {
                rowsWhenCancelled = p.Rows;
                cts.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Studio.Importer.ImportWithReportAsync(Studio.Request(path), progress, cts.Token));
        Assert.InRange(rowsWhenCancelled, 50_000, 70_000);
        Assert.Equal((0, 0, 0), await Studio.CountStoredAsync());
    }

    [Fact]
    public async Task Import_Progress_ReportsRowsAndBytesToTheEnd()
    {
        var path = Studio.WriteFile("progress.csv", Events(40_000));
        var reports = new List<ImportProgress>();
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(path), new SynchronousProgress(reports.Add), CancellationToken.None);
        Assert.Equal(40_000, result.Dataset.RowCount);
        Assert.Equal([16_384L, 32_768L, 40_000L], reports.Select(r => r.Rows));
        Assert.Equal(reports[^1].TotalBytes, reports[^1].BytesRead);
        Assert.Equal((1, 3, 1), await Studio.CountStoredAsync());
    }

    private sealed class SynchronousProgress(Action<ImportProgress> onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport(value);
    }
}
