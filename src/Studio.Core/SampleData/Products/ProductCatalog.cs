using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Products;

/// <summary>Builds the product list: about equal counts per category, three price tiers, long-tailed popularity.</summary>
internal static class ProductCatalog
{
    private static readonly double[] MedianPrice = [180, 45, 25, 40, 50, 6, 25, 14];

    private static readonly string[][] Subcategories =
    [
        ["phones", "laptops", "audio", "accessories"],
        ["tops", "dresses", "shoes", "outerwear"],
        ["skincare", "makeup", "fragrance", "haircare"],
        ["kitchen", "decor", "bedding", "cleaning"],
        ["fitness", "running", "outdoor", "cycling"],
        ["snacks", "beverages", "pantry", "fresh"],
        ["puzzles", "building", "dolls", "outdoor_play"],
        ["fiction", "nonfiction", "children", "comics"],
    ];

    // Per category: two budget, two standard, two premium brands (all fictional).
    private static readonly string[][] Brands =
    [
        ["Voltix", "Budgetron", "Zentro", "Nuvia", "Aurion", "Kelvra"],
        ["Threadly", "BasicWear", "Urbano", "Linea", "Maison Vey", "Castello"],
        ["PureDrop", "Glowie", "Velour", "Botanica", "Lumiere", "Oriel"],
        ["HomeBasics", "Nestly", "Casa Verde", "Oakline", "Atelier Nord", "Haven & Co"],
        ["FitGo", "Stride", "Peakform", "TrailMark", "Apexion", "Summit Pro"],
        ["DailyMart", "ValuePantry", "Harvest", "GreenFields", "Artisan Table", "Epicure"],
        ["FunBox", "PlayMore", "BrickWorks", "Wonderkin", "Heirloom Toys", "Atelier Jouet"],
        ["PageTurner", "Paperleaf", "Inkwell", "Northbound", "Folio Press", "Gilded Quill"],
    ];

    private static readonly double[] TierPriceFactor = [0.55, 1.0, 2.1];
    private static readonly double[] TierWeights = [0.35, 0.40, 0.25];

    public static IReadOnlyList<Product> Build(int count, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var categoryCount = RetailVocabulary.Categories.Count;
        var categories = new int[count];
        for (var i = 0; i < count; i++)
        {
            categories[i] = i % categoryCount;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (categories[i], categories[j]) = (categories[j], categories[i]);
        }

        var products = new Product[count];
        for (var i = 0; i < count; i++)
        {
            var category = categories[i];
            var tier = random.Choose(TierWeights);
            var price = MedianPrice[category] * TierPriceFactor[tier] * Math.Exp(random.Normal(0, 0.25));
            price = Math.Max(0.99, Math.Round(price, 2, MidpointRounding.AwayFromZero));
            var subcategory = Subcategories[category][random.NextInt(Subcategories[category].Length)];
            var brand = Brands[category][(tier * 2) + random.NextInt(2)];
            var popularity = Math.Exp(random.Normal(0, 0.8));
            products[i] = new Product(i, category, subcategory, brand, price,
                Math.Log(price / MedianPrice[category]), popularity);
        }

        return products;
    }
}
