namespace Studio.Core.SampleData;

/// <summary>
/// The categorical values that appear in the generated files, in the order the generator indexes
/// them. Other parts of Studio may rely on these exact spellings.
/// </summary>
public static class RetailVocabulary
{
    public static IReadOnlyList<string> Genders { get; } = ["F", "M", "X"];

    public static IReadOnlyList<string> Regions { get; } = ["North", "South", "East", "West", "Central"];

    public static IReadOnlyList<string> Channels { get; } =
        ["organic", "paid_search", "social", "email", "referral", "affiliate"];

    public static IReadOnlyList<string> IncomeBands { get; } = ["low", "mid", "high", "very_high"];

    public static IReadOnlyList<string> LoyaltyTiers { get; } = ["none", "silver", "gold", "platinum"];

    public static IReadOnlyList<string> Categories { get; } =
        ["electronics", "fashion", "beauty", "home", "sports", "grocery", "toys", "books"];

    public static IReadOnlyList<string> EventTypes { get; } = ["view", "click", "cart", "purchase"];

    public static IReadOnlyList<string> Devices { get; } = ["mobile", "desktop", "tablet", "app"];

    public static IReadOnlyList<string> Offers { get; } =
        ["none", "discount_10", "free_shipping", "bundle", "loyalty_points"];

    public static IReadOnlyList<string> ExperimentNames { get; } = ["checkout_redesign", "free_shipping_banner"];
}
