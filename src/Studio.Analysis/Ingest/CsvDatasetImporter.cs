using System.Runtime.CompilerServices;
using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>
/// Imports CSV/TSV (optionally gzip) in one streaming pass: sniff, sample and infer types, then parse every record
/// and write it through <see cref="DatasetRepository.SaveNewAsync"/>, whose single transaction means a failure or a
/// cancellation leaves no table and no metadata behind. Runs synchronously on the calling thread once started;
/// callers run it from a background worker.
/// </summary>
public sealed class CsvDatasetImporter(DatasetRepository repository, IngestOptions options) : IDatasetImporter
{
    private const int ProgressEveryRows = 16_384;

    public async Task<Dataset> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        (await ImportWithReportAsync(request, progress, cancellationToken)).Dataset;

    public Task<ImportPreview> SniffAsync(string filePath, string? originalFileName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        using var session = ImportSession.Open(filePath, originalFileName ?? Path.GetFileName(filePath), options, cancellationToken);
        return Task.FromResult(session.ToPreview(options.PreviewRows));
    }

    public async Task<ImportResult> ImportWithReportAsync(ImportRequest request, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.OriginalFileName ?? Path.GetFileName(request.FilePath);
        using var session = ImportSession.Open(request.FilePath, fileName, options, cancellationToken);
        var accumulators = CreateAccumulators(session, request.ColumnOverrides);
        var dataset = new Dataset
        {
            WorkspaceId = request.WorkspaceId,
            Name = request.DatasetName,
            Role = request.Role,
            SourceFileName = fileName,
            SourceBytes = session.TotalBytes,
            TableName = DatasetTableStore.NewTableName(),
        };
        dataset.Columns.AddRange(accumulators.Select((a, i) => new DatasetColumn
        {
            Ordinal = i,
            Name = a.Name,
            StorageName = DatasetTableStore.StorageNameFor(i),
            Type = a.Type,
        }));

        await repository.SaveNewAsync(dataset, (writer, token) =>
        {
            var rows = ReadRows(session, accumulators, writer, progress, token);
            progress?.Report(new ImportProgress(session.TotalBytes, session.TotalBytes, rows));
            foreach (var column in dataset.Columns)
            {
                column.MissingCount = accumulators[column.Ordinal].MissingCount;
                column.DistinctCount = accumulators[column.Ordinal].DistinctCount;
            }
        }, cancellationToken);

        return new ImportResult(dataset, Report(session, accumulators, dataset.RowCount));
    }

    /// <summary>A dry run: parses and types every record and reports issues exactly as an import would, storing nothing.</summary>
    public Task<ImportReport> ValidateAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.OriginalFileName ?? Path.GetFileName(request.FilePath);
        using var session = ImportSession.Open(request.FilePath, fileName, options, cancellationToken);
        var accumulators = CreateAccumulators(session, request.ColumnOverrides);
        var rows = ReadRows(session, accumulators, new NullRowSink(), progress, cancellationToken);
        return Task.FromResult(Report(session, accumulators, rows));
    }

    private static ImportReport Report(ImportSession session, ColumnAccumulator[] accumulators, long rows) =>
        new(session.FileName, session.Encoding.Name, session.Delimiter.Delimiter, session.IsGzip, rows,
            [.. accumulators.Select(a => a.ToReport())],
            [.. session.HeaderWarnings, .. session.Columns.SelectMany(c => c.Notes.Select(n => $"Column '{c.Name}': {n}")),
             .. accumulators.SelectMany(a => a.Warnings())]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ReadRows(ImportSession session, ColumnAccumulator[] columns, IRowSink sink,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var (line, fields) in session.TakeSample())
        {
            for (var i = 0; i < columns.Length; i++) columns[i].Accept(fields[i], line, sink);
            sink.EndRow();
            rows++;
        }
        while (session.ReadRemaining())
        {
            var line = session.Line;
            for (var i = 0; i < columns.Length; i++) columns[i].Accept(session.Field(i), line, sink);
            sink.EndRow();
            if (++rows % ProgressEveryRows == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(session.BytesRead, session.TotalBytes, rows));
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return rows;
    }

    private ColumnAccumulator[] CreateAccumulators(ImportSession session, IReadOnlyList<ColumnOverride>? overrides)
    {
        var byName = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides ?? [])
        {
            if (!session.Header.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
                throw new DataImportException(session.FileName, "A type override names a column the file does not have.", null, o.Name);
            byName[o.Name] = o.Type;
        }
        return [.. session.Columns.Select((inferred, i) =>
        {
            var type = byName.GetValueOrDefault(inferred.Name, inferred.Type);
            var dates = type == ColumnType.DateTime && inferred.DateFamily == DateFamily.None
                ? ColumnTypeInference.DetectDateFamily(session.Sample.Select(r => r.Fields[i]))
                : inferred.DateFamily;
            return new ColumnAccumulator(i, inferred, new ColumnValueParser(type, inferred.NumberFormat, dates), options.MaxIssuesPerColumn);
        })];
    }
}
