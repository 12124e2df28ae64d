using Studio.Analysis.Recipes;

namespace Studio.Analysis.ModelEncoding;

/// <summary>What to encode: categorical columns to integer codes, numeric columns standardised.</summary>
public sealed record EncoderSpec(IReadOnlyList<string> Categorical, IReadOnlyList<string> Numeric, int MinFrequency = 1);

/// <summary>Code 0 is the unknown bucket (unseen, rare or missing); <see cref="Values"/>[i] has code i + 1.</summary>
public sealed record CategoricalVocabulary(string Column, IReadOnlyList<string> Values)
{
    public const int Unknown = 0;
    public int Size => Values.Count + 1;
}

/// <summary>Population mean and standard deviation (ddof 0, as scikit-learn's StandardScaler); missing scales to 0.</summary>
public sealed record NumericScaler(string Column, double Mean, double StdDev);

/// <summary>
/// The fitted artifact: vocabularies and scalers learnt from the training rows only. Saved with the dataset version
/// (<see cref="EncoderStore"/>) so that training and scoring encode identically.
/// </summary>
public sealed record FittedEncoder(EncoderSpec Spec, IReadOnlyList<CategoricalVocabulary> Vocabularies, IReadOnlyList<NumericScaler> Scalers,
    int TrainingRows)
{
    public int Encode(string column, object? value)
    {
        var vocabulary = Vocabularies.FirstOrDefault(v => v.Column == column) ?? throw new RecipeException($"'{column}' is not an encoded categorical column.");
        if (CellValues.AsText(value) is not { } text) return CategoricalVocabulary.Unknown;
        var index = IndexOf(vocabulary, text);
        return index < 0 ? CategoricalVocabulary.Unknown : index + 1;
    }

    public double Scale(string column, object? value)
    {
        var scaler = Scalers.FirstOrDefault(s => s.Column == column) ?? throw new RecipeException($"'{column}' is not a scaled numeric column.");
        return CellValues.AsDouble(value) is { } x ? (x - scaler.Mean) / (scaler.StdDev > 0 ? scaler.StdDev : 1) : 0;
    }

    /// <summary>Encodes every row of a table: codes[row][categorical column], numbers[row][numeric column].</summary>
    public EncodedRows Transform(WorkingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cats = Vocabularies.Select(v => table.IndexOf(v.Column)).ToArray();
        var nums = Scalers.Select(s => table.IndexOf(s.Column)).ToArray();
        var codes = new int[table.Rows.Count][];
        var numbers = new double[table.Rows.Count][];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            codes[r] = [.. cats.Select((c, i) => Encode(Vocabularies[i].Column, row[c]))];
            numbers[r] = [.. nums.Select((c, i) => Scale(Scalers[i].Column, row[c]))];
        }
        return new EncodedRows(codes, numbers);
    }

    private static int IndexOf(CategoricalVocabulary vocabulary, string text)
    {
        for (var i = 0; i < vocabulary.Values.Count; i++)
            if (string.Equals(vocabulary.Values[i], text, StringComparison.Ordinal)) return i;
        return -1;
    }
}

public sealed record EncodedRows(IReadOnlyList<int[]> Codes, IReadOnlyList<double[]> Numbers);

/// <summary>The specification that gets fitted (as ML.NET's estimator); fitting looks only at the training rows.</summary>
public static class FeatureEncoder
{
    public static FittedEncoder Fit(WorkingTable table, EncoderSpec spec, IReadOnlyCollection<int> trainingRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(trainingRows);
        if (trainingRows.Count == 0) throw new RecipeException("The training split is empty.");
        if (spec.MinFrequency < 1) throw new RecipeException("The minimum frequency must be at least 1.");
        var train = trainingRows.Select(i => table.Rows[i]).ToList();
        var vocabularies = spec.Categorical.Select(name =>
        {
            var c = table.IndexOf(name);
            var values = train.Select(r => CellValues.AsText(r[c])).OfType<string>()
                .GroupBy(v => v, StringComparer.Ordinal)
                .Where(g => g.Count() >= spec.MinFrequency)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).ToList();
            return new CategoricalVocabulary(name, values);
        }).ToList();
        var scalers = spec.Numeric.Select(name =>
        {
            var c = table.IndexOf(name);
            var xs = train.Select(r => CellValues.AsDouble(r[c])).OfType<double>().ToArray();
            if (xs.Length == 0) return new NumericScaler(name, 0, 1);
            var mean = xs.Average();
            return new NumericScaler(name, mean, Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / xs.Length));
        }).ToList();
        return new FittedEncoder(spec, vocabularies, scalers, train.Count);
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
}
