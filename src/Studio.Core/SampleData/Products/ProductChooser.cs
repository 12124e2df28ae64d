using Studio.Core.SampleData.Randomness;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Products;

/// <summary>
/// Per segment and category, a cumulative table of product weights: popularity times the
/// segment's price preference exp(-sensitivity * relative log price).
/// </summary>
internal sealed class ProductChooser
{
    private readonly int[][] _productsByCategory;
    private readonly double[][][] _cumulative; // [segment][category][k]
    private readonly double[][] _withinCategoryProbability; // [segment][product]

    public ProductChooser(IReadOnlyList<Product> products, IReadOnlyList<SegmentProfile> segments)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(segments);
        var categoryCount = RetailVocabulary.Categories.Count;
        _productsByCategory = Enumerable.Range(0, categoryCount)
            .Select(c => products.Where(p => p.Category == c).Select(p => p.Index).ToArray())
            .ToArray();
        _cumulative = new double[segments.Count][][];
        _withinCategoryProbability = new double[segments.Count][];
        foreach (var segment in segments)
        {
            var perCategory = new double[categoryCount][];
            var probability = new double[products.Count];
            for (var c = 0; c < categoryCount; c++)
            {
                var members = _productsByCategory[c];
                var cumulative = new double[members.Length];
                var total = 0.0;
                for (var k = 0; k < members.Length; k++)
                {
                    var product = products[members[k]];
                    total += product.Popularity * Math.Exp(-segment.PriceSensitivity * product.RelativeLogPrice);
                    cumulative[k] = total;
                }

                for (var k = 0; k < members.Length; k++)
                {
                    var previous = k == 0 ? 0 : cumulative[k - 1];
                    probability[members[k]] = (cumulative[k] - previous) / total;
                }

                perCategory[c] = cumulative;
            }

            _cumulative[segment.Id] = perCategory;
            _withinCategoryProbability[segment.Id] = probability;
        }
    }

    public int Choose(int segment, int category, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var members = _productsByCategory[category];
        return members[random.ChooseCumulative(_cumulative[segment][category])];
    }

    /// <summary>Probability that one interaction of a segment member picks the product.</summary>
    public double InteractionProbability(SegmentProfile segment, Product product)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(product);
        var categoryWeight = SegmentCatalog.CategoryWeights(segment)[product.Category];
        return categoryWeight * _withinCategoryProbability[segment.Id][product.Index];
    }
}
