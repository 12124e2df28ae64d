using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Recipes;

public sealed record TableColumn(string Name, ColumnType Type);

/// <summary>
/// A dataset version held in memory while a recipe runs. Cells are typed as <see cref="DatasetTableStore"/> reads
/// them: long, double, bool, DateTimeOffset, string or null. Steps never change a table; they return a new one.
/// </summary>
public sealed record WorkingTable(IReadOnlyList<TableColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal)) return i;
        throw new RecipeException($"The table has no column '{column}'.");
    }

    public TableColumn Column(string name) => Columns[IndexOf(name)];

    public IEnumerable<object?> Values(int column) => Rows.Select(r => r[column]);

    public static async Task<WorkingTable> LoadAsync(DatasetTableStore tables, Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var rows = new List<object?[]>(checked((int)Math.Min(dataset.RowCount, int.MaxValue)));
        await foreach (var row in tables.ReadAllAsync(dataset.TableName, columns, cancellationToken)) rows.Add(row);
        return new WorkingTable([.. columns.Select(c => new TableColumn(c.Name, c.Type))], rows);
    }
}

/// <summary>A step cannot run on this table (a missing column, a wrong type, an invalid value); names what and where.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException() { }
    public RecipeException(string message) : base(message) { }
    public RecipeException(string message, Exception inner) : base(message, inner) { }
}
