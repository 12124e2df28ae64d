using Studio.Analysis.ModelEncoding;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.ModelEncoding;

public sealed class DatasetEncoderTests : StudioTestBase
{
    private static readonly WorkingTable Table = new([new("city", ColumnType.Categorical), new("spend", ColumnType.Decimal)],
    [
        ["Paris", 10.0], ["Paris", 20.0], ["Lyon", 30.0], ["Nice", null], // training rows 0-3
        ["Lille", 1000.0], ["Lille", 1000.0],                              // test rows 4-5
    ]);

    private static readonly EncoderSpec Spec = new(["city"], ["spend"], MinFrequency: 1);

    [Fact]
    public void Fit_TrainingRowsOnly_TestCategoriesAndValuesDoNotLeak()
    {
        var fitted = DatasetEncoder.Fit(Table, Spec, [0, 1, 2, 3], [4, 5]);
        Assert.Equal(["Paris", "Lyon", "Nice"], fitted.Vocabularies[0].Values);
        Assert.Equal(0, fitted.Encode("city", "Lille")); // seen only in the test rows: unknown bucket
        Assert.Equal(1, fitted.Encode("city", "Paris"));
        Assert.Equal(0, fitted.Encode("city", null));
        // mean of 10, 20, 30 = 20; population std = sqrt(200/3)
        Assert.Equal(20.0, fitted.Scalers[0].Mean, 12);
        Assert.Equal(Math.Sqrt(200.0 / 3), fitted.Scalers[0].StandardDeviation, 12);
        Assert.Equal(4, fitted.TrainingRows);
        Assert.Equal(2, fitted.HeldOutRows);
        var encoded = fitted.Transform(Table);
        Assert.Equal([0L], encoded.Codes[4]);
        Assert.Equal(0.0, encoded.Numbers[3][0]);
        Assert.Equal(-10 / Math.Sqrt(200.0 / 3), encoded.Numbers[0][0], 12);

        var leaky = DatasetEncoder.Fit(Table, Spec, [0, 1, 2, 3, 4, 5]);
        Assert.NotEqual(fitted.Scalers[0].Mean, leaky.Scalers[0].Mean);
    }

    [Fact]
    public void Fit_Coverage_UnknownSharePerSplit()
    {
        var fitted = DatasetEncoder.Fit(Table, Spec with { MinFrequency = 2 }, [0, 1, 2, 3], [4, 5]);
        var coverage = Assert.Single(fitted.Coverage);
        Assert.Equal(2, coverage.Cardinality);            // Paris + the unknown bucket
        Assert.Equal(0.5, coverage.UnknownShareTraining);  // Lyon and Nice are rare
        Assert.Equal(1.0, coverage.UnknownShareHeldOut);   // Lille never trained
    }

    [Fact]
    public void Fit_MinFrequency_RareCategoriesGoToUnknown()
    {
        var fitted = DatasetEncoder.Fit(Table, Spec with { MinFrequency = 2 }, [0, 1, 2, 3]);
        Assert.Equal(["Paris"], fitted.Vocabularies[0].Values);
        Assert.Equal(2, fitted.Vocabularies[0].Cardinality);
        Assert.Equal(0, fitted.Encode("city", "Lyon"));
    }

    [Fact]
    public void Split_Seeded_DisjointAndReproducible()
    {
        var (train, test) = DatasetEncoder.Split(10, 0.3, seed: 42);
        Assert.Equal(7, train.Count);
        Assert.Equal(3, test.Count);
        Assert.Empty(train.Intersect(test));
        Assert.Equal(train, DatasetEncoder.Split(10, 0.3, seed: 42).Train);
    }

    [Fact]
    public void DefaultSpec_CategoricalAndNumericColumns_IdentifiersAndTextLeftOut()
    {
        var spec = DatasetEncoder.DefaultSpec([new("id", ColumnType.Identifier), new("city", ColumnType.Categorical),
            new("flag", ColumnType.Boolean), new("n", ColumnType.Integer), new("x", ColumnType.Decimal), new("note", ColumnType.Text)]);
        Assert.Equal(["city", "flag"], spec.Categorical);
        Assert.Equal(["n", "x"], spec.Numeric);
    }

    [Fact]
    public async Task Store_FitAndSave_LoadsSameVocabularyForScoring()
    {
        var path = Studio.WriteFile("people.csv", "city,spend\nParis,10\nParis,20\nLyon,30\nLille,1000\nParis,15\n");
        var dataset = (await Studio.ImportAsync(path)).Dataset;
        var store = Studio.Get<EncoderStore>();
        var fitted = await store.FitAndSaveAsync(dataset.Id, Spec with { TestShare = 0.2, Seed = 7 });
        var loaded = (await store.LoadAsync(dataset.Id))!;
        Assert.Equal(4, loaded.TrainingRows);
        Assert.Equal(1, loaded.HeldOutRows);
        Assert.Equal(fitted.Vocabularies[0].Values, loaded.Vocabularies[0].Values);
        Assert.Equal(0, loaded.Encode("city", "Berlin"));
        Assert.Equal(fitted.Scalers[0], loaded.Scalers[0]);
        Assert.Equal(fitted.Coverage, loaded.Coverage);
    }
}
