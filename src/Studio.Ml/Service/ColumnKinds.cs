using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>How a stored column feeds a model by default: inferred from its confirmed type, overridable in the form.</summary>
public enum FeatureKind
{
    Categorical,
    Numeric,
    Ignored,
}

public static class ColumnKinds
{
    public static FeatureKind Infer(DatasetColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Integer or ColumnType.Decimal => FeatureKind.Numeric,
            ColumnType.Categorical or ColumnType.Boolean => FeatureKind.Categorical,
            // Identifiers and free text are unique per row; dates need a derived feature first.
            _ => FeatureKind.Ignored,
        };
    }

    /// <summary>What a spec could use from a dataset, for validating a form before any data is loaded.</summary>
    public static ColumnSchema SchemaOf(Dataset dataset, IEnumerable<string>? categoricalOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var forcedCategorical = (categoricalOverrides ?? []).ToHashSet(StringComparer.Ordinal);
        var categorical = new List<string>();
        var numeric = new List<string>();
        foreach (var column in dataset.Columns)
        {
            var numericCapable = column.Type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Boolean or ColumnType.DateTime;
            if (numericCapable && !forcedCategorical.Contains(column.Name)) numeric.Add(column.Name);
            else categorical.Add(column.Name);
        }
        return new ColumnSchema(categorical, numeric);
    }

    /// <summary>A default binary target: a column named like the demo's label, else the last boolean column.</summary>
    public static string? SuggestTarget(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var named = dataset.Columns.FirstOrDefault(c => c.Name.StartsWith("purchased", StringComparison.OrdinalIgnoreCase)
            || c.Name.Contains("convert", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("churn", StringComparison.OrdinalIgnoreCase));
        return (named ?? dataset.Columns.LastOrDefault(c => c.Type == ColumnType.Boolean || (c.Type == ColumnType.Integer && c.DistinctCount == 2)))?.Name;
    }
}
