using System.Globalization;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>Planted triggers, offer responses and experiment effects are visible in the generated data.</summary>
public sealed class PlantedCampaignStructureTests(GeneratedDataFixture data) : IClassFixture<GeneratedDataFixture>
{
    private const double ChiSquareCritical1Df = 10.828; // p = 0.001
    private const double ChiSquareCritical2Df = 13.816; // p = 0.001

    [Fact]
    public void Triggers_TargetFollowsTriggerFarMoreOftenThanBaseline()
    {
        const int window = 5;
        var targetOf = data.Triggers.Rows.ToDictionary(r => r[0], r => r[1]);
        var targets = targetOf.Values.ToHashSet();
        var sequences = data.Events.Rows.Where(r => data.Events.Get(r, "event_type") == "view")
            .GroupBy(r => r[1], r => r[2]).Select(g => g.ToList()).ToList();
        double afterTrigger = 0, hitsAfterTrigger = 0, elsewhere = 0, hitsElsewhere = 0;
        foreach (var s in sequences)
        {
            for (var i = 0; i < s.Count; i++)
            {
                var next = s.Skip(i + 1).Take(window).ToList();
                if (targetOf.TryGetValue(s[i], out var target))
                {
                    afterTrigger++;
                    hitsAfterTrigger += next.Contains(target) ? 1 : 0;
                }
                else
                {
                    // Baseline: how often any one target shows up in a window after an ordinary view.
                    elsewhere += targets.Count;
                    hitsElsewhere += next.Distinct().Count(targets.Contains);
                }
            }
        }

        var planted = hitsAfterTrigger / afterTrigger;
        var baseline = hitsElsewhere / elsewhere;
        Assert.True(afterTrigger >= 500, $"only {afterTrigger} trigger views");
        Assert.True(planted >= 4 * baseline, $"target follows trigger in {planted:P1} of windows vs {baseline:P2} baseline");
    }

    [Fact]
    public void Experiments_FreeShippingBanner_HasSampleRatioMismatch()
    {
        var counts = ArmCounts("free_shipping_banner");

        Assert.Equal(["control", "treatment"], counts.Keys.Order());
        Assert.True(ChiSquare(counts.Values) > ChiSquareCritical1Df, $"chi-square {ChiSquare(counts.Values):F1} is not significant at p < 0.001");
        Assert.InRange(counts["control"] / (double)counts.Values.Sum(), 0.52, 0.56);
    }

    [Fact]
    public void Experiments_CheckoutRedesign_IsBalancedAcrossThreeArms()
    {
        var counts = ArmCounts("checkout_redesign");

        Assert.Equal(["control", "variant_a", "variant_b"], counts.Keys.Order());
        Assert.True(ChiSquare(counts.Values) < ChiSquareCritical2Df, $"chi-square {ChiSquare(counts.Values):F1} flags a mismatch");
        Assert.Equal(GeneratedDataFixture.Options.Customers, counts.Values.Sum());
    }

    [Theory]
    [InlineData("checkout_redesign")]
    [InlineData("free_shipping_banner")]
    public void Experiments_PrePeriodSpend_IsAStrongCupedCovariate(string experiment)
    {
        var rows = data.Experiments.Rows.Where(r => r[1] == experiment).ToList();
        var r = PlantedCustomerStructureTests.Correlation(
            rows.Select(x => data.Experiments.Number(x, "pre_period_spend")).ToList(),
            rows.Select(x => data.Experiments.Number(x, "revenue")).ToList());

        Assert.True(r >= 0.55, $"corr(pre_period_spend, revenue) = {r:F3}; CUPED would cut variance by only {r * r:P0}");
    }

    [Fact]
    public void ExperimentTruth_OverallLifts_AreThePlantedOnesAndDifferBySegment()
    {
        double Lift(string experiment, string variant, string metric, string segment) => data.ExperimentEffects.Rows
            .Where(r => r[0] == experiment && r[1] == variant && r[2] == metric && r[3] == segment)
            .Select(r => data.ExperimentEffects.Number(r, "true_absolute_lift")).Single();

        Assert.Equal(0.015, Lift("checkout_redesign", "variant_a", "conversion", "all"), 3);
        Assert.Equal(0.030, Lift("checkout_redesign", "variant_b", "conversion", "all"), 3);
        Assert.Equal(0.020, Lift("free_shipping_banner", "treatment", "conversion", "all"), 3);
        Assert.True(Lift("checkout_redesign", "variant_b", "revenue_per_user", "all") > 0);
        var perSegment = Enumerable.Range(0, 6)
            .Select(s => Lift("checkout_redesign", "variant_b", "conversion", s.ToString(CultureInfo.InvariantCulture))).ToList();
        Assert.True(perSegment.Max() >= 3 * perSegment.Min(), "treatment effects should differ by segment");
    }

    [Fact]
    public void Offers_LoggedPropensity_IsTheProbabilityTheOfferWasShown()
    {
        var propensity = data.Offers.Numbers("propensity").ToList();
        Assert.All(propensity, p => Assert.InRange(p, 0.05, 0.8));

        // Each offer's count must match the sum of the probabilities of showing it, which for a
        // row is known only for the shown offer: use E[1/p] weighting (every offer would sum to n).
        var n = data.Offers.Rows.Count;
        foreach (var offer in data.Offers.Column("offer").Distinct())
        {
            var ipw = data.Offers.Rows.Where(r => r[3] == offer).Sum(r => 1 / data.Offers.Number(r, "propensity"));
            Assert.InRange(ipw / n, 0.85, 1.15);
        }
    }

    [Fact]
    public void Offers_LoggingPolicy_DependsOnCustomerAttributes()
    {
        var loyalty = data.Customers.Rows.ToDictionary(r => r[0], r => data.Customers.Get(r, "loyalty_tier"));
        var loyaltyPoints = data.Offers.Rows.Where(r => r[3] == "loyalty_points").ToList();

        var forLoyal = loyaltyPoints.Where(r => loyalty[r[1]] is "gold" or "platinum").Average(r => data.Offers.Number(r, "propensity"));
        var forNone = loyaltyPoints.Where(r => loyalty[r[1]] == "none").Average(r => data.Offers.Number(r, "propensity"));
        Assert.True(forLoyal > 1.5 * forNone, $"loyalty_points shown to loyal customers with p {forLoyal:F3} vs {forNone:F3}");
    }

    [Fact]
    public void Offers_SegmentsBestOffer_ConvertsFarBetterThanNoOffer()
    {
        var best = data.Segments.Rows.ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture), r => data.Segments.Get(r, "best_offer"));
        var rows = data.Offers.Rows.Select(r => (Offer: r[3], Best: best[data.SegmentOf[r[1]]], Converted: data.Offers.Number(r, "converted"))).ToList();

        var bestRate = rows.Where(r => r.Offer == r.Best).Average(r => r.Converted);
        var noneRate = rows.Where(r => r.Offer == "none").Average(r => r.Converted);
        Assert.True(bestRate >= 2 * noneRate, $"best offer converts {bestRate:P1}, no offer {noneRate:P1}");
        Assert.True(best.Values.Distinct().Count() >= 3, "the best offer should differ between segments");
    }

    private Dictionary<string, int> ArmCounts(string experiment) => data.Experiments.Rows
        .Where(r => r[1] == experiment).GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Pearson chi-square against an equal split.</summary>
    private static double ChiSquare(IEnumerable<int> counts)
    {
        var list = counts.ToList();
        var expected = list.Sum() / (double)list.Count;
        return list.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
