using System.Text.Json;
using Studio.Analysis.ModelEncoding;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;
using Studio.Ml.Features;
using Studio.Ml.Training;

namespace Studio.Ml.UnitTests.Features;

public sealed class FeatureEncoderTests
{
    private static readonly TrainingSpec Spec = new()
    {
        TargetColumn = "y",
        CategoricalColumns = ["city"],
        NumericColumns = ["age"],
        Features = new FeatureSpec { MinFrequency = 2 },
    };

    // Rows 0-5 train; rows 6-7 are "validation" with a new city and an extreme age.
    private static readonly FeatureTable Table = new(
        new Dictionary<string, string?[]>
        {
            ["city"] = ["paris", "paris", "rome", "rome", "rome", "oslo", "tokyo", "tokyo"],
            ["y"] = ["1", "0", "1", "0", "0", "1", "1", "1"],
        },
        new Dictionary<string, double?[]> { ["age"] = [20, 30, null, 40, 50, 60, 1000, 2000] });

    private static readonly int[] TrainRows = [0, 1, 2, 3, 4, 5];

    [Fact]
    public void Fit_MinFrequencyTwo_KeepsFrequentValuesMostFrequentFirst_RestUnknown()
    {
        var encoder = FeatureEncoder.Fit(Spec, Table, TrainRows);
        var city = encoder.Categorical[0];
        Assert.Equal(["rome", "paris"], city.Values);
        Assert.Equal(1, city.IndexOf("rome"));
        Assert.Equal(2, city.IndexOf("paris"));
        Assert.Equal(0, city.IndexOf("oslo"));   // seen once: below the minimum frequency
        Assert.Equal(0, city.IndexOf("tokyo"));  // never seen in training
    }

    [Fact]
    public void Fit_ValidationRowsDifferent_EncoderIdenticalToTrainingOnlyFit()
    {
        var withOutliers = FeatureEncoder.Fit(Spec, Table, TrainRows);
        var trainOnly = FeatureEncoder.Fit(Spec, Table.Select(TrainRows), [0, 1, 2, 3, 4, 5]);

        Assert.Equal(JsonSerializer.Serialize(trainOnly), JsonSerializer.Serialize(withOutliers));
        Assert.Equal(40, withOutliers.Numeric[0].Mean, 12);                 // (20+30+40+50+60)/5, the 1000 and 2000 ignored
        Assert.Equal(Math.Sqrt(200), withOutliers.Numeric[0].StandardDeviation, 12);
        Assert.DoesNotContain("tokyo", withOutliers.Categorical[0].Values);
    }

    [Fact]
    public void Encode_MissingNumeric_ZeroPlusIndicator()
    {
        var encoder = FeatureEncoder.Fit(Spec, Table, TrainRows);
        var encoded = encoder.Encode(Table);

        Assert.Equal(2, encoded.NumericWidth);
        Assert.Equal(0f, encoded.Numeric[(2 * 2) + 0]);       // row 2 age missing → 0 (the training mean)
        Assert.Equal(1f, encoded.Numeric[(2 * 2) + 1]);       // … and flagged
        Assert.Equal((float)((20 - 40) / Math.Sqrt(200)), encoded.Numeric[0], 6);
        Assert.Equal(0f, encoded.Numeric[1]);
        Assert.Equal([2L, 2, 1, 1, 1, 0, 0, 0], encoded.Categorical);
    }

    [Fact]
    public void Encode_MeanImpute_NoIndicatorColumn()
    {
        var spec = Spec with { Features = new FeatureSpec { MissingNumeric = MissingNumericStrategy.MeanImpute } };
        Assert.Equal(1, FeatureEncoder.Fit(spec, Table, TrainRows).Encode(Table).NumericWidth);
    }

    [Fact]
    public void Target_BinaryYesNo_PositiveIsConventionalLabel()
    {
        var encoder = FeatureEncoder.Fit(Spec, Table, TrainRows);
        Assert.Equal(["0", "1"], encoder.Target.Classes);
        Assert.Equal([1f, 0f, 1f, 0f, 0f, 1f, 1f, 1f], encoder.Target.Encode(Table));
    }

    [Fact]
    public void NumericBuckets_TrainingQuantiles_BecomeACategoricalField()
    {
        var spec = Spec with { Features = new FeatureSpec { NumericBuckets = 2 } };
        var encoder = FeatureEncoder.Fit(spec, Table, TrainRows);
        var bucket = encoder.Categorical[1];
        Assert.Equal("age#bucket", bucket.Column);
        Assert.Equal([40.0], bucket.Buckets!.UpperEdges);    // the median of 20..60
        var encoded = encoder.Encode(Table);
        Assert.Equal(encoded.Categorical[(6 * 2) + 1], encoded.Categorical[(5 * 2) + 1]); // 1000 falls in the top bucket with 60
    }

    [Fact]
    public void Json_RoundTrip_EncodesIdentically()
    {
        var spec = Spec with { Features = new FeatureSpec { MinFrequency = 1, NumericBuckets = 3 } };
        var encoder = FeatureEncoder.Fit(spec, Table, TrainRows);
        var back = JsonSerializer.Deserialize<FeatureEncoder>(JsonSerializer.Serialize(encoder))!;

        Assert.Equal(encoder.Encode(Table).Categorical, back.Encode(Table).Categorical);
        Assert.Equal(encoder.Encode(Table).Numeric, back.Encode(Table).Numeric);
        Assert.Equal(encoder.Target.Classes, back.Target.Classes);
    }

    [Fact]
    public void Fit_WithSavedDatasetEncoding_ReusesItsVocabularyOnlyForValuesInTrainingRows()
    {
        // The dataset page fitted on its own split, where "tokyo" (only in this model's validation rows) is frequent.
        var datasetTable = new WorkingTable([new("city", ColumnType.Categorical), new("age", ColumnType.Decimal)],
            [["tokyo", 50.0], ["tokyo", 150.0], ["rome", 100.0], ["rome", 100.0], ["paris", 100.0]]);
        var saved = DatasetEncoder.Fit(datasetTable, new EncoderSpec(["city"], ["age"], MinFrequency: 2), [0, 1, 2, 3, 4]);
        Assert.Equal(["rome", "tokyo"], saved.Vocabularies[0].Values);

        var encoder = FeatureEncoder.Fit(Spec, Table, TrainRows, saved);

        Assert.Equal(["rome"], encoder.Categorical[0].Values);
        var codes = encoder.Encode(Table).Categorical;
        Assert.Equal(new long[] { 0, 0, 1, 1, 1, 0, 0, 0 }, codes); // paris is rare in the saved fit, oslo absent, tokyo unseen in training
        Assert.Equal(40.0, encoder.Numeric[0].Mean, 12); // ages 20..60 of the training rows, not the saved 100
        Assert.True(encoder.Numeric[0].MissingIndicator);
    }
}
