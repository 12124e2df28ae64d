using System.Globalization;
using System.Text.RegularExpressions;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>The file contract other parts of Studio read: names, headers, formats, domains, keys.</summary>
public sealed partial class GeneratedFilesSchemaTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    [Theory]
    [InlineData("customers.csv", "customer_id,signup_date,age,gender,region,city_tier,channel,income_band,loyalty_tier,email_opt_in,purchased_next_30d")]
    [InlineData("products.csv", "product_id,category,subcategory,brand,price")]
    [InlineData("events.csv", "event_id,customer_id,product_id,timestamp,event_type,quantity,revenue,device")]
    [InlineData("offers.csv", "offer_log_id,customer_id,send_time,offer,propensity,opened,clicked,converted,revenue")]
    [InlineData("experiments.csv", "customer_id,experiment,variant,assigned_at,pre_period_spend,converted,revenue")]
    [InlineData("truth/customers_truth.csv", "customer_id,segment,true_propensity")]
    [InlineData("truth/segments.csv", "segment,name,share,favourite_categories,price_sensitivity,price_preference,peak_hour_utc,active_hours_utc,preferred_channel,preferred_device,best_offer")]
    [InlineData("truth/triggers.csv", "trigger_product_id,target_product_id,target_category,window_interactions,window_days,step_probability,baseline_probability,planted_probability,lift")]
    [InlineData("truth/offer_response.csv", "segment,segment_name,offer,true_conversion_probability,mean_order_value,is_best")]
    [InlineData("truth/experiment_effects.csv", "experiment,variant,metric,segment,segment_name,control_value,true_absolute_lift")]
    public void File_HeaderAndEncoding_MatchTheContract(string file, string header)
    {
        var bytes = File.ReadAllBytes(data.PathOf(file));

        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], $"{file} starts with a BOM");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(header, File.ReadLines(data.PathOf(file)).First());
    }

    [Fact]
    public void RowCounts_MatchOptionsAndSummary()
    {
        var options = GeneratedDataFixture.Options;

        Assert.Equal(options.Customers, data.Customers.Rows.Count);
        Assert.Equal(options.Customers, data.CustomerTruth.Rows.Count);
        Assert.Equal(options.Products, data.Products.Rows.Count);
        Assert.InRange(data.Events.Rows.Count, options.TargetEvents * 0.9, options.TargetEvents * 1.1);
        Assert.Equal(data.Summary.Events, data.Events.Rows.Count);
        Assert.Equal(data.Summary.OfferLogRows, data.Offers.Rows.Count);
        Assert.Equal(data.Summary.ExperimentRows, data.Experiments.Rows.Count);
        Assert.Equal(6, data.Segments.Rows.Count);
        Assert.Equal(20, data.Triggers.Rows.Count);
        Assert.Equal(6 * 5, data.OfferResponse.Rows.Count);
        Assert.Equal(3 * 2 * 7, data.ExperimentEffects.Rows.Count);
    }

    [Fact]
    public void Ids_FollowTheDocumentedPatterns()
    {
        Assert.Equal("C000001", data.Customers.Rows[0][0]);
        Assert.Equal("P00001", data.Products.Rows[0][0]);
        Assert.All(data.Customers.Column("customer_id"), id => Assert.Matches(CustomerId(), id));
        Assert.All(data.Products.Column("product_id"), id => Assert.Matches(ProductId(), id));
        Assert.Equal(Enumerable.Range(1, data.Events.Rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), data.Events.Column("event_id"));
    }

    [Fact]
    public void Events_ReferToExistingCustomersAndProducts()
    {
        var customers = data.Customers.Column("customer_id").ToHashSet();
        var products = data.Products.Column("product_id").ToHashSet();

        Assert.All(data.Events.Column("customer_id"), id => Assert.Contains(id, customers));
        Assert.All(data.Events.Column("product_id"), id => Assert.Contains(id, products));
        Assert.All(data.Offers.Column("customer_id"), id => Assert.Contains(id, customers));
        Assert.All(data.Experiments.Column("customer_id"), id => Assert.Contains(id, customers));
        Assert.Equal(data.Customers.Column("customer_id"), data.CustomerTruth.Column("customer_id"));
        Assert.All(data.Triggers.Column("trigger_product_id").Concat(data.Triggers.Column("target_product_id")), id => Assert.Contains(id, products));
    }

    [Fact]
    public void Events_AreSortedIsoUtcTimestampsInsideTheWindow()
    {
        var stamps = data.Events.Column("timestamp").ToList();
        var start = GeneratedDataFixture.Options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        Assert.All(stamps, s => Assert.Matches(IsoUtc(), s));
        Assert.True(stamps.Zip(stamps.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) <= 0), "events.csv is not sorted by timestamp");
        Assert.True(DateTime.Parse(stamps[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) >= start);
        Assert.True(DateTime.Parse(stamps[^1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) < start.AddDays(GeneratedDataFixture.Options.Days + 1));
    }

    [Fact]
    public void Events_RevenueIsPriceTimesQuantityForPurchasesAndZeroOtherwise()
    {
        var price = data.Products.Rows.ToDictionary(r => r[0], r => data.Products.Number(r, "price"));

        foreach (var row in data.Events.Rows)
        {
            var type = data.Events.Get(row, "event_type");
            var revenue = data.Events.Get(row, "revenue");
            Assert.Matches(Money(), revenue);
            var expected = type == "purchase"
                ? Math.Round(price[data.Events.Get(row, "product_id")] * data.Events.Number(row, "quantity"), 2, MidpointRounding.AwayFromZero)
                : 0.0;
            Assert.Equal(expected, data.Events.Number(row, "revenue"), 2);
        }
    }

    [Fact]
    public void Events_FunnelNarrowsFromViewToPurchase()
    {
        var byType = data.Events.Column("event_type").GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count());

        Assert.Equal(["cart", "click", "purchase", "view"], byType.Keys.Order());
        Assert.InRange(byType["click"] / byType["view"], 0.3, 0.5);
        Assert.InRange(byType["cart"] / byType["click"], 0.3, 0.5);
        Assert.InRange(byType["purchase"] / byType["cart"], 0.4, 0.6);
        Assert.Equal(data.Summary.EventsByType["purchase"], byType["purchase"]);
    }

    [Theory]
    [InlineData("customers.csv", "gender", "F,M,X")]
    [InlineData("customers.csv", "region", "Central,East,North,South,West")]
    [InlineData("customers.csv", "city_tier", "1,2,3")]
    [InlineData("customers.csv", "channel", "affiliate,email,organic,paid_search,referral,social")]
    [InlineData("customers.csv", "income_band", "high,low,mid,very_high")]
    [InlineData("customers.csv", "loyalty_tier", "gold,none,platinum,silver")]
    [InlineData("customers.csv", "email_opt_in", "false,true")]
    [InlineData("customers.csv", "purchased_next_30d", "0,1")]
    [InlineData("products.csv", "category", "beauty,books,electronics,fashion,grocery,home,sports,toys")]
    [InlineData("events.csv", "device", "app,desktop,mobile,tablet")]
    [InlineData("offers.csv", "offer", "bundle,discount_10,free_shipping,loyalty_points,none")]
    [InlineData("offers.csv", "converted", "0,1")]
    [InlineData("experiments.csv", "experiment", "checkout_redesign,free_shipping_banner")]
    [InlineData("experiments.csv", "variant", "control,treatment,variant_a,variant_b")]
    public void Column_Values_StayInTheirDomain(string file, string column, string values)
    {
        var table = CsvTable.Read(data.PathOf(file));

        Assert.Equal(values.Split(','), table.Column(column).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Customers_SignedUpBeforeTheWindowWithPlausibleAges()
    {
        var start = GeneratedDataFixture.Options.Start;

        Assert.All(data.Customers.Column("signup_date"), d => Assert.True(DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) < start));
        Assert.All(data.Customers.Numbers("age"), a => Assert.InRange(a, 18, 85));
    }

    [GeneratedRegex(@"^C\d{6}$")]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"^P\d{5}$")]
    private static partial Regex ProductId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex IsoUtc();

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex Money();
}
