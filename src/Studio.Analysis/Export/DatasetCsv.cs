using Studio.Data.Datasets;

namespace Studio.Analysis.Export;

/// <summary>A whole dataset version as CSV (UTF-8, formula-escaped text), streamed: the dataset download.</summary>
public static class DatasetCsv
{
    public static Task WriteAsync(Stream output, Dataset dataset, DatasetTableStore tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(tables);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        return CsvExport.WriteAsync(output, [.. columns.Select(c => c.Name)],
            tables.ReadAllAsync(dataset.TableName, columns, cancellationToken), new CsvExportOptions(), cancellationToken);
    }
}
