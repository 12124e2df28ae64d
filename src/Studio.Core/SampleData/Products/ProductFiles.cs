using Studio.Core.SampleData.Csv;

namespace Studio.Core.SampleData.Products;

internal static class ProductFiles
{
    public static IReadOnlyList<string> Header { get; } = ["product_id", "category", "subcategory", "brand", "price"];

    public static void Write(string path, IReadOnlyList<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        using var csv = new CsvRowWriter(path, Header);
        foreach (var product in products)
        {
            csv.Text(product.Id)
                .Text(RetailVocabulary.Categories[product.Category])
                .Text(product.Subcategory)
                .Text(product.Brand)
                .Decimal(product.Price)
                .EndRow();
        }
    }
}
