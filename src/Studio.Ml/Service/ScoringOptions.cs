using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>What a scores file holds besides the score.</summary>
/// <param name="KeyColumn">The column that names each row (a customer id); null takes the dataset's first identifier column.</param>
/// <param name="IncludeColumns">Input columns copied next to the score, in this order.</param>
/// <param name="Deciles">Adds <c>decile</c>: 1 for the highest tenth of scores, 10 for the lowest (binary and regression models).</param>
public sealed record ScoringOptions(string? KeyColumn = null, IReadOnlyList<string>? IncludeColumns = null, bool Deciles = false);

/// <summary>A scoring request that cannot run, with the request field it concerns and a message for the analyst.</summary>
public sealed class ScoringRequestException : Exception
{
    public ScoringRequestException(string field, string message) : base(message) => Field = field;
    public ScoringRequestException() : this("request", "The scoring request is not valid.") { }
    public ScoringRequestException(string message) : this("request", message) { }
    public ScoringRequestException(string message, Exception inner) : base(message, inner) => Field = "request";

    /// <summary>The request field the problem concerns (datasetId, keyColumn, includeColumns, deciles, modelId).</summary>
    public string Field { get; }
}

/// <summary>Checks a dataset against a model's features before any scoring job starts.</summary>
public static class ScoringInputCheck
{
    private static readonly ColumnType[] NumericTypes = [ColumnType.Integer, ColumnType.Decimal, ColumnType.Boolean, ColumnType.DateTime];

    /// <exception cref="ScoringRequestException">A feature, the key or an included column is missing or of the wrong type.</exception>
    public static void Check(TrainingSpec spec, Dataset dataset, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var byName = dataset.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var label = $"Dataset \"{dataset.Name}\" v{dataset.Version}";
        var missing = spec.CategoricalColumns.Concat(spec.NumericColumns).Where(c => !byName.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new ScoringRequestException("datasetId",
                $"{label} lacks the model's feature column(s) {Names(missing)}; score a dataset with the columns the model was trained on.");
        var mistyped = spec.NumericColumns.Where(c => !NumericTypes.Contains(byName[c].Type)).ToList();
        if (mistyped.Count > 0)
            throw new ScoringRequestException("datasetId",
                $"{label} has the numeric feature column(s) {string.Join(", ", mistyped.Select(c => $"\"{c}\" ({byName[c].Type})"))}; the model needs numbers there.");
        if (options.KeyColumn is { } key && !byName.ContainsKey(key))
            throw new ScoringRequestException("keyColumn", $"{label} has no column \"{key}\" to use as the key.");
        var unknown = (options.IncludeColumns ?? []).Where(c => !byName.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
            throw new ScoringRequestException("includeColumns", $"{label} has no column(s) {Names(unknown)}.");
        if (options.Deciles && spec.Task == PredictionTask.MultiClass)
            throw new ScoringRequestException("deciles", "Deciles rank one score per row; a multi-class model has one per class. Score without deciles.");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
