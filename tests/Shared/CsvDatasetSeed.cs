using System.Globalization;
using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Tests.Shared;

/// <summary>
/// Test-only stand-in for the dataset importer (not merged on this branch): reads a simple CSV (no quoted commas),
/// types each column from its values and saves it through <see cref="DatasetRepository.SaveNewAsync"/>.
/// </summary>
public static class CsvDatasetSeed
{
    public static Task<Dataset> SaveAsync(DatasetRepository repository, int workspaceId, string csvPath, string name,
        DatasetRole role = DatasetRole.Customers, CancellationToken cancellationToken = default)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return SaveAsync(repository, workspaceId, name, header, cells, role, cancellationToken);
    }

    public static Task<Dataset> SaveAsync(DatasetRepository repository, int workspaceId, string name,
        IReadOnlyList<string> header, IReadOnlyList<string[]> cells, DatasetRole role = DatasetRole.Customers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var types = header.Select((h, i) => TypeOf(h, cells.Select(c => c[i]).ToList())).ToArray();
        var dataset = new Dataset
        {
            WorkspaceId = workspaceId,
            Name = name,
            Role = role,
            TableName = DatasetTableStore.NewTableName(),
            SourceFileName = name + ".csv",
        };
        for (var i = 0; i < header.Count; i++)
        {
            var values = cells.Select(c => c[i]).ToList();
            dataset.Columns.Add(new DatasetColumn
            {
                Ordinal = i,
                Name = header[i],
                StorageName = DatasetTableStore.StorageNameFor(i),
                Type = types[i],
                MissingCount = values.Count(v => v.Length == 0),
                DistinctCount = values.Distinct(StringComparer.Ordinal).Count(),
            });
        }
        return repository.SaveNewAsync(dataset, (writer, ct) =>
        {
            var row = new object?[header.Count];
            foreach (var line in cells)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++) row[i] = Parse(line[i], types[i]);
                writer.Write(row);
            }
        }, cancellationToken);
    }

    private static ColumnType TypeOf(string name, IReadOnlyList<string> values)
    {
        var present = values.Where(v => v.Length > 0).ToList();
        if (name.EndsWith("_id", StringComparison.Ordinal)) return ColumnType.Identifier;
        if (present.All(v => v is "true" or "false")) return ColumnType.Boolean;
        if (present.All(v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))) return ColumnType.Integer;
        if (present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))) return ColumnType.Decimal;
        if (present.All(v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))) return ColumnType.DateTime;
        return ColumnType.Categorical;
    }

    private static object? Parse(string value, ColumnType type) => value.Length == 0 ? null : type switch
    {
        ColumnType.Boolean => value == "true",
        ColumnType.Integer => long.Parse(value, CultureInfo.InvariantCulture),
        ColumnType.Decimal => double.Parse(value, CultureInfo.InvariantCulture),
        ColumnType.DateTime => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => value,
    };
}
