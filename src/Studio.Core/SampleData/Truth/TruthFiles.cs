using System.Globalization;
using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Events;
using Studio.Core.SampleData.Offers;
using Studio.Core.SampleData.Products;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Truth;

/// <summary>The planted structure, written under truth/ so later features can be scored against it.</summary>
internal static class TruthFiles
{
    public static IReadOnlyList<string> SegmentsHeader { get; } =
    [
        "segment", "name", "share", "favourite_categories", "price_sensitivity", "price_preference",
        "peak_hour_utc", "active_hours_utc", "preferred_channel", "preferred_device", "best_offer",
    ];

    public static IReadOnlyList<string> TriggersHeader { get; } =
    [
        "trigger_product_id", "target_product_id", "target_category", "window_interactions", "window_days",
        "step_probability", "baseline_probability", "planted_probability", "lift",
    ];

    public static IReadOnlyList<string> OfferResponseHeader { get; } =
        ["segment", "segment_name", "offer", "true_conversion_probability", "mean_order_value", "is_best"];

    public static void WriteSegments(string path)
    {
        using var csv = new CsvRowWriter(path, SegmentsHeader);
        foreach (var s in SegmentCatalog.All)
        {
            csv.Integer(s.Id)
                .Text(s.Name)
                .Decimal(s.Share)
                .Text(string.Join(';', s.FavouriteCategories.Select(c => RetailVocabulary.Categories[c])))
                .Decimal(s.PriceSensitivity, 1)
                .Text(s.PriceLabel)
                .Decimal(s.PeakHour, 1)
                .Text(HourRange(s.PeakHour - 1.5) + "-" + HourRange(s.PeakHour + 1.5))
                .Text(RetailVocabulary.Channels[s.PreferredChannel])
                .Text(RetailVocabulary.Devices[s.PreferredDevice])
                .Text(RetailVocabulary.Offers[OfferResponse.BestOffer(s.Id)])
                .EndRow();
        }
    }

    public static void WriteTriggers(string path, TriggerPlan plan, IReadOnlyList<Product> products, ProductChooser chooser)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(products);
        using var csv = new CsvRowWriter(path, TriggersHeader);
        foreach (var pair in plan.Pairs)
        {
            var target = products[pair.Target];
            var q = TriggerPlan.BaselineInteractionProbability(chooser, target);
            var baseline = TriggerPlan.WindowProbability(q);
            var planted = TriggerPlan.PlantedWindowProbability(q, pair.CombinedStepProbability);
            csv.Text(products[pair.Trigger].Id)
                .Text(target.Id)
                .Text(RetailVocabulary.Categories[target.Category])
                .Integer(TriggerPlan.WindowInteractions)
                .Integer(TriggerPlan.WindowDays)
                .Decimal(pair.CombinedStepProbability, 4)
                .Decimal(baseline, 6)
                .Decimal(planted, 6)
                .Decimal(planted / baseline, 1)
                .EndRow();
        }
    }

    public static void WriteOfferResponse(string path)
    {
        using var csv = new CsvRowWriter(path, OfferResponseHeader);
        foreach (var s in SegmentCatalog.All)
        {
            var best = OfferResponse.BestOffer(s.Id);
            for (var offer = 0; offer < RetailVocabulary.Offers.Count; offer++)
            {
                csv.Integer(s.Id)
                    .Text(s.Name)
                    .Text(RetailVocabulary.Offers[offer])
                    .Decimal(OfferResponse.Probability(s.Id, offer), 4)
                    .Decimal(OfferResponse.MeanOrderValue(s.Id, offer))
                    .Flag(offer == best)
                    .EndRow();
            }
        }
    }

    private static string HourRange(double hour)
    {
        var minutes = (int)Math.Round(hour * 60);
        minutes = ((minutes % 1440) + 1440) % 1440;
        return (minutes / 60).ToString("D2", CultureInfo.InvariantCulture) + ":"
            + (minutes % 60).ToString("D2", CultureInfo.InvariantCulture);
    }
}
