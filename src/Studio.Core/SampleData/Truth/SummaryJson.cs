using System.Text.Json;
using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Events;
using Studio.Core.SampleData.Experiments;
using Studio.Core.SampleData.Offers;

namespace Studio.Core.SampleData.Truth;

/// <summary>truth/summary.json: the options that produced the files, the counts, and the planted constants.</summary>
internal static class SummaryJson
{
    public static void Write(string path, GeneratedSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        var o = summary.Options;
        json.WriteStartObject();
        json.WriteString("generator", "Studio RetailDataGenerator v1");
        json.WriteStartObject("options");
        json.WriteNumber("seed", o.Seed);
        json.WriteNumber("customers", o.Customers);
        json.WriteNumber("products", o.Products);
        json.WriteNumber("target_events", o.TargetEvents);
        json.WriteString("start", o.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("days", o.Days);
        json.WriteNumber("trigger_pairs", o.EffectiveTriggerPairs);
        json.WriteNumber("offer_sends_per_customer", o.OfferSendsPerCustomer);
        json.WriteEndObject();

        json.WriteStartObject("counts");
        json.WriteNumber("customers", summary.Customers);
        json.WriteNumber("products", summary.Products);
        json.WriteNumber("events", summary.Events);
        foreach (var (type, count) in summary.EventsByType)
        {
            json.WriteNumber("events_" + type, count);
        }

        json.WriteNumber("offer_log_rows", summary.OfferLogRows);
        json.WriteNumber("experiment_rows", summary.ExperimentRows);
        json.WriteEndObject();

        json.WriteStartObject("planted");
        json.WriteNumber("propensity_target_mean", PropensityModel.BaseRate);
        json.WriteNumber("mean_true_propensity", Math.Round(summary.MeanTruePropensity, 6));
        json.WriteNumber("positive_label_share", Math.Round(summary.PositiveLabelShare, 6));
        json.WriteNumber("trigger_window_interactions", TriggerPlan.WindowInteractions);
        json.WriteNumber("trigger_window_days", TriggerPlan.WindowDays);
        json.WriteNumber("trigger_target_lift", TriggerPlan.ReinforcedLift);
        json.WriteNumber("logging_policy_floor", LoggingPolicy.Floor);
        json.WriteStartArray("experiments");
        foreach (var design in ExperimentDesign.All)
        {
            json.WriteStartObject();
            json.WriteString("name", design.Name);
            json.WriteNumber("start_day", (int)(o.Days * design.StartFraction));
            json.WriteNumber("assignment_days", design.AssignmentDays);
            json.WriteNumber("eligibility", design.Eligibility);
            json.WriteNumber("intended_share_per_arm", Math.Round(1.0 / design.Arms.Count, 6));
            json.WriteNumber("dropped_share_of_last_arm", design.DroppedLastArmShare);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("files");
        foreach (var file in summary.Files)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
