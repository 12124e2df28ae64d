using System.Globalization;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>The planted segments and propensity are visible in the generated data's statistics.</summary>
public sealed class PlantedCustomerStructureTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private IEnumerable<string[]> Views => data.Events.Rows.Where(r => data.Events.Get(r, "event_type") == "view");

    [Fact]
    public void Segments_FavouriteCategoryShare_IsAtLeastTwiceThatOfOtherSegments()
    {
        var category = data.Products.Rows.ToDictionary(r => r[0], r => data.Products.Get(r, "category"));
        var favourites = data.Segments.Rows.ToDictionary(
            r => int.Parse(r[0], CultureInfo.InvariantCulture), r => data.Segments.Get(r, "favourite_categories").Split(';'));
        var views = Views.Select(r => (Segment: data.SegmentOf[data.Events.Get(r, "customer_id")], Category: category[data.Events.Get(r, "product_id")])).ToList();

        foreach (var (segment, favs) in favourites)
        {
            double FavouriteShare(IEnumerable<string> categories)
            {
                var list = categories.ToList();
                return list.Count(favs.Contains) / (double)list.Count;
            }

            var own = FavouriteShare(views.Where(v => v.Segment == segment).Select(v => v.Category));
            var others = favourites.Keys.Where(s => s != segment)
                .Average(s => FavouriteShare(views.Where(v => v.Segment == s).Select(v => v.Category)));
            Assert.True(own >= 0.5, $"segment {segment} spends only {own:P1} of views in {string.Join('+', favs)}");
            Assert.True(own >= 2 * others, $"segment {segment}: favourite share {own:P1} vs {others:P1} in other segments");
        }
    }

    [Fact]
    public void Segments_ViewHours_CentreOnTheirPlantedPeak()
    {
        var peak = data.Segments.Rows.ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => data.Segments.Number(r, "peak_hour_utc"));
        var hours = Views.GroupBy(r => data.SegmentOf[data.Events.Get(r, "customer_id")])
            .ToDictionary(g => g.Key, g => g.Select(r => HourOf(data.Events.Get(r, "timestamp"))).ToList());

        foreach (var (segment, planted) in peak)
        {
            var angles = hours[segment].Select(h => h / 24 * 2 * Math.PI).ToList();
            var mean = Math.Atan2(angles.Average(Math.Sin), angles.Average(Math.Cos)) / (2 * Math.PI) * 24;
            var gap = Math.Abs(((mean - planted + 36) % 24) - 12);
            Assert.True(gap <= 1.0, $"segment {segment}: mean view hour {mean:F1}, planted peak {planted:F1}");
        }
    }

    [Fact]
    public void Segments_PriceSensitivity_OrdersTheRelativePriceOfViewedProducts()
    {
        var logPrice = data.Products.Rows.ToDictionary(r => r[0], r => Math.Log(data.Products.Number(r, "price")));
        var categoryMean = data.Products.Rows.GroupBy(r => data.Products.Get(r, "category"))
            .ToDictionary(g => g.Key, g => g.Average(r => logPrice[r[0]]));
        var relative = data.Products.Rows.ToDictionary(r => r[0], r => logPrice[r[0]] - categoryMean[data.Products.Get(r, "category")]);
        var meanRelative = Views.GroupBy(r => data.SegmentOf[data.Events.Get(r, "customer_id")])
            .ToDictionary(g => g.Key, g => g.Average(r => relative[data.Events.Get(r, "product_id")]));
        var sensitivity = data.Segments.Rows.ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => data.Segments.Number(r, "price_sensitivity"));

        var keys = sensitivity.Keys.Order().ToList();
        var r = Correlation(keys.Select(k => sensitivity[k]).ToList(), keys.Select(k => meanRelative[k]).ToList());
        Assert.True(r < -0.9, $"correlation of price sensitivity with relative viewed price is {r:F2}");
        Assert.True(meanRelative[0] < 0 && meanRelative[5] > 0, "bargain hunters should view below and premium loyalists above the category price level");
    }

    [Fact]
    public void Customers_PreferredChannel_LeansTowardsTheSegmentWithoutRevealingIt()
    {
        var preferred = data.Segments.Rows.ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => data.Segments.Get(r, "preferred_channel"));
        var bySegment = data.Customers.Rows.GroupBy(r => data.SegmentOf[r[0]]);

        foreach (var group in bySegment)
        {
            var share = group.Count(r => data.Customers.Get(r, "channel") == preferred[group.Key]) / (double)group.Count();
            Assert.InRange(share, 0.45, 0.75);
        }
    }

    [Fact]
    public void Labels_Mean_MatchesMeanTruePropensityWithinThreeStandardErrors()
    {
        var p = data.CustomerTruth.Numbers("true_propensity").ToList();
        var labels = data.Customers.Numbers("purchased_next_30d").ToList();
        var standardError = Math.Sqrt(p.Sum(x => x * (1 - x))) / p.Count;

        Assert.InRange(p.Average(), 0.08, 0.15);
        Assert.All(p, x => Assert.InRange(x, 0.0, 1.0));
        Assert.True(Math.Abs(labels.Average() - p.Average()) <= 3 * standardError,
            $"label mean {labels.Average():F4} vs propensity mean {p.Average():F4} (SE {standardError:F4})");
        Assert.Equal(data.Summary.PositiveLabelShare, labels.Average(), 6);
    }

    [Fact]
    public void Labels_TopPropensityDecile_BuysFarMoreOftenThanTheLowerHalf()
    {
        var pairs = data.CustomerTruth.Numbers("true_propensity").Zip(data.Customers.Numbers("purchased_next_30d"))
            .OrderByDescending(x => x.First).ToList();
        var top = pairs.Take(pairs.Count / 10).Average(x => x.Second);
        var lowerHalf = pairs.Skip(pairs.Count / 2).Average(x => x.Second);

        Assert.True(top >= 5 * lowerHalf, $"top decile buys at {top:P1}, lower half at {lowerHalf:P1}");
    }

    [Fact]
    public void TruePropensity_LoyaltyByChannel_InteractionReversesTheChannelEffect()
    {
        var p = data.CustomerTruth.Rows.ToDictionary(r => r[0], r => data.CustomerTruth.Number(r, "true_propensity"));
        double Mean(bool loyal, string channel) => data.Customers.Rows
            .Where(r => (data.Customers.Get(r, "loyalty_tier") is "gold" or "platinum") == loyal && data.Customers.Get(r, "channel") == channel)
            .Average(r => p[r[0]]);

        Assert.True(Mean(loyal: true, "email") > 1.5 * Mean(loyal: true, "affiliate"), "loyal customers: email should beat affiliate");
        Assert.True(Mean(loyal: false, "affiliate") > 1.2 * Mean(loyal: false, "email"), "non-loyal customers: affiliate should beat email");
    }

    private static double HourOf(string timestamp) =>
        int.Parse(timestamp.AsSpan(11, 2), CultureInfo.InvariantCulture) + (int.Parse(timestamp.AsSpan(14, 2), CultureInfo.InvariantCulture) / 60.0);

    internal static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
