using Studio.Ml.Training;
using Studio.Ml.UnitTests.Training;

namespace Studio.Ml.UnitTests.Models;

public sealed class ModelShapeTests
{
    private static readonly SyntheticPropensity Data = SyntheticPropensity.Generate(1_500, seed: 4);

    [Fact]
    public void Embedding_ByField_HasOneVectorPerCategoryPlusUnknown()
    {
        var spec = SyntheticPropensity.Spec(ModelKind.Mlp) with { Epochs = 1, Embedding = new EmbeddingSpec { PerField = new Dictionary<string, int> { ["product"] = 5 } } };
        using var model = new ModelTrainer().Train(spec, Data.Table).Model;

        var product = model.Embedding("product");
        Assert.Equal(21, product.Vectors.Length);                 // 20 products + unknown
        Assert.Equal(5, product.Vectors[0].Length);
        Assert.Equal("(unknown)", product.Labels[0]);
        Assert.StartsWith("product_", product.Labels[1], StringComparison.Ordinal);
        Assert.Equal(4, model.Embedding("device").Vectors[0].Length); // the rule: 4 devices + unknown → round(1.6 · 5^0.56) = 4
    }

    [Fact]
    public void HiddenActivations_MlpAndDeepFm_WidthOfLastHiddenLayer()
    {
        foreach (var kind in new[] { ModelKind.Mlp, ModelKind.DeepFM })
        {
            var spec = SyntheticPropensity.Spec(kind) with { Epochs = 1, Model = new ModelSpec { Kind = kind, HiddenSizes = [24, 12] } };
            using var model = new ModelTrainer().Train(spec, Data.Table).Model;
            var hidden = model.HiddenActivations(Data.Table);
            Assert.Equal(Data.Table.RowCount, hidden.Length);
            Assert.All(hidden, row => Assert.Equal(12, row.Length));
            Assert.Contains(hidden, row => row.Any(v => v > 0));
        }
    }
}
