namespace Studio.Core.SampleData.Products;

/// <param name="Index">Zero-based; the file id is P + (Index + 1) padded to five digits.</param>
/// <param name="RelativeLogPrice">ln(price / category median): negative is cheap, positive premium.</param>
/// <param name="Popularity">Base attractiveness shared by every segment (long-tailed).</param>
internal sealed record Product(
    int Index,
    int Category,
    string Subcategory,
    string Brand,
    double Price,
    double RelativeLogPrice,
    double Popularity)
{
    public string Id => ProductIds.Format(Index);
}

internal static class ProductIds
{
    public static string Format(int index) =>
        "P" + (index + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
