using Studio.Analysis.Recipes;

namespace Studio.Analysis.ModelEncoding;

/// <summary>
/// What to encode and how to split: categorical columns to integer codes (values seen fewer than
/// <see cref="MinFrequency"/> times in the training split go to the unknown bucket), numeric columns standardized.
/// The split is a seeded shuffle; only its training part is looked at when fitting.
/// </summary>
public sealed record EncoderSpec(
    IReadOnlyList<string> Categorical,
    IReadOnlyList<string> Numeric,
    int MinFrequency = 1,
    double TestShare = 0.2,
    int Seed = 42);

/// <summary>How a fitted vocabulary covers the rows: the share of each split that falls into the unknown bucket.</summary>
public sealed record VocabularyCoverage(string Column, int Cardinality, double UnknownShareTraining, double UnknownShareHeldOut);

/// <summary>
/// The fitted artifact of a dataset version: vocabularies and scalers learnt from the training split only, saved
/// beside the version (<see cref="EncoderStore"/>) so that training and scoring encode identically. The model
/// trainer takes its vocabularies and scalers as they are for the columns it covers.
/// </summary>
public sealed record DatasetEncoding(
    EncoderSpec Spec,
    IReadOnlyList<CategoricalVocabulary> Vocabularies,
    IReadOnlyList<NumericScaler> Scalers,
    IReadOnlyList<VocabularyCoverage> Coverage,
    int TrainingRows,
    int HeldOutRows,
    DateTimeOffset FittedAt)
{
    public CategoricalVocabulary? VocabularyOf(string column) => Vocabularies.FirstOrDefault(v => v.Column == column);
    public NumericScaler? ScalerOf(string column) => Scalers.FirstOrDefault(s => s.Column == column);

    public long Encode(string column, object? value) =>
        (VocabularyOf(column) ?? throw new RecipeException($"'{column}' is not an encoded categorical column."))
        .IndexOf(CellValues.AsText(value));

    public double Scale(string column, object? value) =>
        (ScalerOf(column) ?? throw new RecipeException($"'{column}' is not a scaled numeric column."))
        .Standardize(CellValues.AsDouble(value));

    /// <summary>Encodes every row of a table: codes[row][categorical column], numbers[row][numeric column].</summary>
    public EncodedRows Transform(WorkingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cats = Vocabularies.Select(v => table.IndexOf(v.Column)).ToArray();
        var nums = Scalers.Select(s => table.IndexOf(s.Column)).ToArray();
        var codes = new long[table.Rows.Count][];
        var numbers = new double[table.Rows.Count][];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            codes[r] = [.. cats.Select((c, i) => Vocabularies[i].IndexOf(CellValues.AsText(row[c])))];
            numbers[r] = [.. nums.Select((c, i) => Scalers[i].Standardize(CellValues.AsDouble(row[c])))];
        }
        return new EncodedRows(codes, numbers);
    }
}

public sealed record EncodedRows(IReadOnlyList<long[]> Codes, IReadOnlyList<double[]> Numbers);
