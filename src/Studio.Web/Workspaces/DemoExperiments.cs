using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Stored;
using Studio.Data.Datasets;
using Studio.Data.Experiments;

namespace Studio.Web.Workspaces;

/// <summary>
/// The experiments planted in <c>sample-datasets/retail-demo</c> (truth/summary.json, truth/experiment_effects.csv),
/// defined on the imported experiments dataset: checkout_redesign (three equal arms, healthy) and free_shipping_banner
/// (two equal arms, 15 % of the treatment's units dropped: a sample-ratio mismatch the readout must flag).
/// </summary>
public static class DemoExperiments
{
    public static IReadOnlyList<ExperimentDefinition> For(Dataset experiments)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        return
        [
            Define(experiments, "Checkout redesign", "checkout_redesign",
                "Do the redesigned checkouts (variant_a, variant_b) lift conversion and revenue per customer? Planted lifts: +1.5 pp / +3.0 pp conversion.",
                new ExperimentOptions(SegmentAttribute: null)),
            Define(experiments, "Free shipping banner", "free_shipping_banner",
                "Does a free-shipping banner lift conversion? (15 % of the treatment's exposures were lost in logging: a planted sample-ratio mismatch.)",
                new ExperimentOptions()),
        ];
    }

    private static ExperimentDefinition Define(Dataset dataset, string name, string experiment, string question, ExperimentOptions options)
    {
        var mapping = new ExperimentMapping("customer_id", "variant", "assigned_at",
            [new MappedMetric("converted", MetricKind.Proportion), new MappedMetric("revenue", MetricKind.Mean, MetricRole.Guardrail)],
            "pre_period_spend", [], "experiment", experiment);
        return new ExperimentDefinition
        {
            WorkspaceId = dataset.WorkspaceId,
            Name = name,
            Question = question,
            DatasetId = dataset.Id,
            DatasetVersion = dataset.Version,
            MappingJson = mapping.ToJson(),
            ControlVariant = "control",
            SpecOptionsJson = options.ToJson(),
        };
    }
}
