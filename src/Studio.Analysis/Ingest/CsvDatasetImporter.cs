using Studio.Analysis.Ingest.Inference;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Ingest;

/// <summary>
/// Imports CSV/TSV (optionally gzip) or an .xlsx worksheet in one streaming pass: sniff, sample and infer types, then parse every record
/// and write it through <see cref="DatasetRepository.SaveNewAsync"/>, whose single transaction means a failure or a
/// cancellation leaves no table and no metadata behind. Types come from all the data: when a later value does not fit
/// an inferred type the column is widened (integer → decimal in place; to text by reading the file once more).
/// Runs synchronously on the calling thread once started; callers run it from a background worker.
/// </summary>
public sealed class CsvDatasetImporter(DatasetRepository repository, IngestOptions options) : IDatasetImporter
{
    public async Task<Dataset> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        (await ImportWithReportAsync(request, progress, cancellationToken)).Dataset;

    public Task<ImportPreview> SniffAsync(string filePath, string? originalFileName = null, CancellationToken cancellationToken = default,
        ImportChoices? choices = null)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        using var session = ImportSession.Open(filePath, originalFileName ?? Path.GetFileName(filePath), options,
            MissingTokens(choices), choices?.Sheet, cancellationToken);
        return Task.FromResult(session.ToPreview(options.PreviewRows));
    }

    public async Task<ImportResult> ImportWithReportAsync(ImportRequest request, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.OriginalFileName ?? Path.GetFileName(request.FilePath);
        var missing = MissingTokens(request.Choices);
        var policy = request.Choices?.BadValues ?? BadValuePolicy.Fail;
        var retyped = new Dictionary<string, TypeChange>(StringComparer.Ordinal);
        while (true)
        {
            using var session = ImportSession.Open(request.FilePath, fileName, options, missing, request.Choices?.Sheet, cancellationToken);
            using var pass = new ImportPass(session, CreateAccumulators(session, request.ColumnOverrides, retyped), policy);
            var dataset = NewDataset(request, fileName, session, pass.Columns);
            try
            {
                await repository.SaveNewAsync(dataset, (writer, token) =>
                {
                    pass.Run(writer, progress, token);
                    if (pass.NeedsAnotherPass) throw new AnotherPassNeeded();
                    pass.ThrowIfRefused(pass.Report(missing.Tokens));
                    progress?.Report(new ImportProgress(session.TotalBytes, session.TotalBytes, pass.Rows));
                    foreach (var column in dataset.Columns)
                    {
                        var accumulator = pass.Columns[column.Ordinal];
                        column.Type = accumulator.Type;
                        column.MissingCount = accumulator.MissingCount;
                        column.DistinctCount = accumulator.DistinctCount;
                    }
                }, cancellationToken);
                return new ImportResult(dataset, pass.Report(missing.Tokens), pass.RejectedRowsFile);
            }
            catch (AnotherPassNeeded) when (retyped.Count == 0)
            {
                // The whole file was read: every column that must widen is known, so the second pass is the last.
                pass.DiscardRejectedRows();
                foreach (var column in pass.Columns)
                    if (column.Change is { } change) retyped[column.Name] = change;
            }
            catch
            {
                pass.DiscardRejectedRows();
                throw;
            }
        }
    }

    /// <summary>A dry run: parses and types every record and reports issues exactly as an import would, storing nothing.</summary>
    public Task<ImportReport> ValidateAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fileName = request.OriginalFileName ?? Path.GetFileName(request.FilePath);
        var missing = MissingTokens(request.Choices);
        using var session = ImportSession.Open(request.FilePath, fileName, options, missing, request.Choices?.Sheet, cancellationToken);
        using var pass = new ImportPass(session, CreateAccumulators(session, request.ColumnOverrides, new Dictionary<string, TypeChange>()),
            request.Choices?.BadValues ?? BadValuePolicy.Fail);
        pass.Run(new NullRowSink(), progress, cancellationToken);
        pass.DiscardRejectedRows();
        return Task.FromResult(pass.Report(missing.Tokens));
    }

    private static MissingValues MissingTokens(ImportChoices? choices)
    {
        try
        {
            return MissingValues.From(choices?.MissingTokens);
        }
        catch (ArgumentException e)
        {
            throw new DataImportException("(missing-value tokens)", e.Message);
        }
    }

    private static Dataset NewDataset(ImportRequest request, string fileName, ImportSession session, ColumnAccumulator[] columns)
    {
        var dataset = new Dataset
        {
            WorkspaceId = request.WorkspaceId,
            Name = request.DatasetName,
            Role = request.Role,
            SourceFileName = fileName,
            SourceBytes = session.TotalBytes,
            TableName = DatasetTableStore.NewTableName(),
        };
        dataset.Columns.AddRange(columns.Select((a, i) => new DatasetColumn
        {
            Ordinal = i,
            Name = a.Name,
            StorageName = DatasetTableStore.StorageNameFor(i),
            Type = a.Type,
        }));
        return dataset;
    }

    private ColumnAccumulator[] CreateAccumulators(ImportSession session, IReadOnlyList<ColumnOverride>? overrides,
        IReadOnlyDictionary<string, TypeChange> retyped)
    {
        var byName = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides ?? [])
        {
            if (!session.Header.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
                throw new DataImportException(session.FileName, "A type override names a column the file does not have.", null, o.Name);
            byName[o.Name] = o.Type;
        }
        var wellFormed = session.Sample.Where(r => r.RaggedReason is null).ToList();
        return [.. session.Columns.Select((inferred, i) =>
        {
            var chosen = byName.TryGetValue(inferred.Name, out var chosenType);
            var change = chosen ? null : retyped.GetValueOrDefault(inferred.Name);
            var type = chosen ? chosenType : change?.To ?? inferred.Type;
            var dates = type == ColumnType.DateTime && inferred.DateFamily == DateFamily.None
                ? ColumnTypeInference.DetectDateFamily(wellFormed.Select(r => r.Fields[i]), session.Missing)
                : inferred.DateFamily;
            return new ColumnAccumulator(i, inferred, new ColumnValueParser(type, inferred.NumberFormat, dates, session.Missing),
                options.MaxIssuesPerColumn, chosen, change);
        })];
    }

    /// <summary>Rolls the first pass's transaction back when a column has to be re-typed to text.</summary>
    private sealed class AnotherPassNeeded : Exception;
}
