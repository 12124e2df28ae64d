using Studio.Analysis.Recipes;
using Studio.Core.Datasets;

namespace Studio.Analysis.ModelEncoding;

/// <summary>
/// The specification that gets fitted (as ML.NET's estimator): fitting looks only at the training rows, through the
/// same <see cref="CategoricalVocabulary.Fit"/> and <see cref="NumericScaler.Fit"/> the model trainer uses.
/// </summary>
public static class DatasetEncoder
{
    /// <summary>Categorical and boolean columns are encoded, integer and decimal columns scaled; identifiers and text are left out.</summary>
    public static EncoderSpec DefaultSpec(IEnumerable<TableColumn> columns)
    {
        var list = columns.ToList();
        return new EncoderSpec(
            [.. list.Where(c => c.Type is ColumnType.Categorical or ColumnType.Boolean).Select(c => c.Name)],
            [.. list.Where(c => c.Type is ColumnType.Integer or ColumnType.Decimal).Select(c => c.Name)]);
    }

    /// <summary>Splits the table by <see cref="EncoderSpec.TestShare"/> and <see cref="EncoderSpec.Seed"/>, then fits on the training part.</summary>
    public static DatasetEncoding Fit(WorkingTable table, EncoderSpec spec)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        var (train, heldOut) = Split(table.Rows.Count, spec.TestShare, spec.Seed);
        return Fit(table, spec, train, heldOut);
    }

    public static DatasetEncoding Fit(WorkingTable table, EncoderSpec spec, IReadOnlyList<int> trainingRows, IReadOnlyList<int>? heldOutRows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainingRows);
        heldOutRows ??= [];
        if (trainingRows.Count == 0) throw new RecipeException("The training split is empty: the dataset needs more rows or a smaller test share.");
        if (spec.MinFrequency < 1) throw new RecipeException("The minimum frequency must be at least 1.");
        if (spec.Categorical.Count + spec.Numeric.Count == 0) throw new RecipeException("Choose at least one column to encode.");
        if (spec.Categorical.Intersect(spec.Numeric, StringComparer.Ordinal).FirstOrDefault() is { } both)
            throw new RecipeException($"Column '{both}' is listed as both categorical and numeric.");
        var vocabularies = new List<CategoricalVocabulary>();
        var coverage = new List<VocabularyCoverage>();
        foreach (var name in spec.Categorical)
        {
            var c = table.IndexOf(name);
            var vocabulary = CategoricalVocabulary.Fit(name, trainingRows.Select(r => CellValues.AsText(table.Rows[r][c])), spec.MinFrequency);
            vocabularies.Add(vocabulary);
            coverage.Add(new VocabularyCoverage(name, vocabulary.Cardinality,
                UnknownShare(vocabulary, table, c, trainingRows), UnknownShare(vocabulary, table, c, heldOutRows)));
        }
        var scalers = spec.Numeric.Select(name =>
        {
            var c = table.IndexOf(name);
            return NumericScaler.Fit(name, trainingRows.Select(r => CellValues.AsDouble(table.Rows[r][c])), indicatorWanted: false);
        }).ToList();
        return new DatasetEncoding(spec, vocabularies, scalers, coverage, trainingRows.Count, heldOutRows.Count, DateTimeOffset.UtcNow);
    }

    /// <summary>A seeded shuffle split: the first (1 − testShare) of a permutation of the rows trains.</summary>
    public static (IReadOnlyList<int> Train, IReadOnlyList<int> Test) Split(int rows, double testShare, int seed)
    {
        if (testShare is < 0 or >= 1) throw new RecipeException("The test share must be in [0, 1).");
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var trainCount = rows - (int)Math.Round(rows * testShare);
        return ([.. order[..trainCount].Order()], [.. order[trainCount..].Order()]);
    }

    private static double UnknownShare(CategoricalVocabulary vocabulary, WorkingTable table, int column, IReadOnlyList<int> rows)
    {
        if (rows.Count == 0) return 0;
        var unknown = rows.Count(r => vocabulary.IndexOf(CellValues.AsText(table.Rows[r][column])) == CategoricalVocabulary.Unknown);
        return (double)unknown / rows.Count;
    }
}
