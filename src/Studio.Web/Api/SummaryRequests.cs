using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Experiments.Summaries;
using static Studio.Web.Api.ExperimentsApi;

namespace Studio.Web.Api;

/// <summary>Turns a summary-readout request into engine input, naming every invalid field.</summary>
internal static class SummaryRequests
{
    public static (SummaryInput? Input, ExperimentSpec? Spec, List<(string Field, string Message)> Problems) ToInput(SummaryReadoutRequest request)
    {
        var problems = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(request.Name)) problems.Add(("name", "An experiment needs a name."));
        if (string.IsNullOrWhiteSpace(request.ControlVariant)) problems.Add(("controlVariant", "An experiment needs a control variant."));
        var options = request.Options ?? new ExperimentOptions();
        problems.AddRange(options.Validate());
        if (options.WinsorizationPercentile is not null) problems.Add(("options.winsorizationPercentile", "Winsorization needs unit-level data; summary input cannot be capped."));
        if (options.SegmentAttribute is not null) problems.Add(("options.segmentAttribute", "A segment breakdown needs unit-level data."));
        problems.AddRange(ValidateSplit(request.IntendedSplit, request.ControlVariant));
        var metrics = request.Metrics ?? [];
        if (metrics.Count == 0) problems.Add(("metrics", "At least one metric is required."));
        for (var i = 0; i < metrics.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(metrics[i].Name)) problems.Add(($"metrics[{i}].name", "Each metric needs a name."));
            if (metrics[i].Kind is not (MetricKind.Proportion or MetricKind.Mean)) problems.Add(($"metrics[{i}].kind", "Summary input supports proportion and mean metrics."));
            if (!Enum.IsDefined(metrics[i].Role)) problems.Add(($"metrics[{i}].role", $"Unknown role {(int)metrics[i].Role}."));
        }

        var kinds = metrics.Where(m => m.Name is not null).GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First().Kind, StringComparer.Ordinal);
        var rows = new List<SummaryRow>();
        var given = request.Rows ?? [];
        if (given.Count == 0) problems.Add(("rows", "At least one row is required."));
        for (var i = 0; i < given.Count; i++)
        {
            var r = given[i];
            var field = $"rows[{i}]";
            if (string.IsNullOrWhiteSpace(r.Variant)) { problems.Add(($"{field}.variant", "Each row needs a variant.")); continue; }
            if (r.N < 0) { problems.Add(($"{field}.n", $"n must be ≥ 0, not {r.N}.")); continue; }
            if (r.Metric is null || !kinds.TryGetValue(r.Metric, out var kind)) { problems.Add(($"{field}.metric", $"Metric '{r.Metric}' is not in metrics.")); continue; }
            if (kind == MetricKind.Proportion)
            {
                if (r.Conversions is not { } x || x < 0 || x > r.N) { problems.Add(($"{field}.conversions", $"A proportion row needs conversions between 0 and n ({r.N}).")); continue; }
                if (r.Mean is not null || r.Sd is not null || r.Variance is not null) { problems.Add(($"{field}", "A proportion row gives conversions, not mean/sd/variance.")); continue; }
                rows.Add(SummaryRow.FromConversions(r.Variant, r.Metric, r.N, x, r.Day));
                continue;
            }

            if (r.Mean is not { } mean || !double.IsFinite(mean)) { problems.Add(($"{field}.mean", "A mean row needs a finite mean.")); continue; }
            if (r.Conversions is not null) { problems.Add(($"{field}.conversions", "A mean row gives mean and sd or variance, not conversions.")); continue; }
            if ((r.Sd is null) == (r.Variance is null)) { problems.Add(($"{field}.sd", "Give exactly one of sd and variance.")); continue; }
            var variance = r.Variance ?? r.Sd!.Value * r.Sd.Value;
            if (!(variance >= 0) || !double.IsFinite(variance) || r.Sd is < 0) { problems.Add(($"{field}.{(r.Sd is null ? "variance" : "sd")}", "The spread must be a finite number ≥ 0.")); continue; }
            rows.Add(new SummaryRow(r.Variant, r.Metric, r.N, mean, variance, r.Day));
        }

        if (problems.Count > 0) return (null, null, problems);
        var specs = metrics.Select(m => new MetricSpec(m.Name, m.Kind, m.Role)).ToList();
        var spec = options.ToSpec(request.Name.Trim(), request.ControlVariant.Trim(), request.IntendedSplit, specs);
        return (new SummaryInput(specs, rows), spec, problems);
    }

    public static IEnumerable<(string Field, string Message)> ValidateSplit(IReadOnlyDictionary<string, double>? split, string? control)
    {
        if (split is null) yield break;
        foreach (var (variant, weight) in split.Where(kv => !(kv.Value > 0) || !double.IsFinite(kv.Value)))
        {
            yield return ($"intendedSplit.{variant}", $"Weight {weight} is not a positive number.");
        }

        if (control is not null && !split.ContainsKey(control.Trim())) yield return ("intendedSplit", $"The intended split must include the control variant '{control}'.");
    }
}
