using Studio.Analysis.ModelEncoding;
using Studio.Ml.Training;

namespace Studio.Ml.Features;

/// <summary>
/// The fitted feature transformation (fitted on the training split only), serialisable so that training and
/// scoring use the same vocabularies and scalers.
/// </summary>
public sealed record FeatureEncoder(
    IReadOnlyList<CategoricalVocabulary> Categorical,
    IReadOnlyList<NumericScaler> Numeric,
    TargetEncoding Target)
{
    public int FieldCount => Categorical.Count;

    /// <summary>Width of the numeric block: one column per numeric feature plus one per missing indicator.</summary>
    public int NumericWidth => Numeric.Sum(n => n.MissingIndicator ? 2 : 1);

    /// <param name="saved">The dataset version's saved encoding: its vocabularies (value order and minimum frequency) are reused for
    /// the columns it covers, restricted to values present in <paramref name="trainRows"/>; scalers are always fitted on
    /// <paramref name="trainRows"/> (the saved ones come from another split and would leak held-out statistics).</param>
    public static FeatureEncoder Fit(TrainingSpec spec, FeatureTable table, IReadOnlyList<int> trainRows, DatasetEncoding? saved = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(trainRows);
        var categorical = spec.CategoricalColumns
            .Select(c =>
            {
                var values = table.Categorical(c);
                if (saved?.VocabularyOf(c) is { } vocabulary)
                {
                    // The saved vocabulary was fitted on the dataset page's own split: keep only the values this model's
                    // training rows contain, so nothing is learned from its validation or test rows.
                    var seen = trainRows.Select(r => values[r]).ToHashSet(StringComparer.Ordinal);
                    return new CategoricalVocabulary(c, [.. vocabulary.Values.Where(seen.Contains)]);
                }

                return CategoricalVocabulary.Fit(c, trainRows.Select(r => values[r]), spec.Features.MinFrequency);
            })
            .ToList();
        if (spec.Features.NumericBuckets > 1)
        {
            foreach (var column in spec.NumericColumns)
            {
                var values = table.Numeric(column);
                var bucketing = NumericBucketing.Fit(column, trainRows.Select(r => values[r]), spec.Features.NumericBuckets);
                var fitted = CategoricalVocabulary.Fit(column + "#bucket", trainRows.Select(r => bucketing.BucketOf(values[r])), 1);
                categorical.Add(new CategoricalVocabulary(fitted.Column, fitted.Values, bucketing));
            }
        }

        var indicator = spec.Features.MissingNumeric == MissingNumericStrategy.Indicator;
        var numeric = spec.NumericColumns
            .Select(c =>
            {
                var values = table.Numeric(c);
                return NumericScaler.Fit(c, trainRows.Select(r => values[r]), indicator);
            })
            .ToList();
        return new FeatureEncoder(categorical, numeric, TargetEncoding.Fit(spec, table, trainRows));
    }

    /// <summary>Row-major encoded features of every row: categorical indices [rows x fields], numerics [rows x width].</summary>
    public EncodedFeatures Encode(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.RowCount;
        var fields = FieldCount;
        var categorical = new long[rows * fields];
        for (var f = 0; f < fields; f++)
        {
            var vocabulary = Categorical[f];
            var values = vocabulary.Buckets is { } b
                ? table.Numeric(b.SourceColumn).Select(b.BucketOf).ToArray()
                : table.Categorical(vocabulary.Column);
            for (var r = 0; r < rows; r++)
            {
                categorical[(r * fields) + f] = vocabulary.IndexOf(values[r]);
            }
        }

        var width = NumericWidth;
        var numeric = new float[rows * width];
        var offset = 0;
        foreach (var scaler in Numeric)
        {
            var values = table.Numeric(scaler.Column);
            for (var r = 0; r < rows; r++)
            {
                var present = values[r] is { } v && double.IsFinite(v);
                numeric[(r * width) + offset] = present ? scaler.Scale(values[r]!.Value) : 0f;
                if (scaler.MissingIndicator)
                {
                    numeric[(r * width) + offset + 1] = present ? 0f : 1f;
                }
            }

            offset += scaler.MissingIndicator ? 2 : 1;
        }

        return new EncodedFeatures(rows, fields, width, categorical, numeric);
    }
}

/// <summary>Encoded feature blocks in row-major order, ready to become tensors.</summary>
public sealed record EncodedFeatures(int Rows, int Fields, int NumericWidth, long[] Categorical, float[] Numeric);
