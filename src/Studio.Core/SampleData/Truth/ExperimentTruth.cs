using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Experiments;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Truth;

/// <summary>
/// truth/experiment_effects.csv: the exact expected control value and absolute lift of every
/// treatment arm, for conversion and revenue per user, over all customers and per segment. These
/// are population expectations from the outcome model, not estimates from the logged sample.
/// </summary>
internal static class ExperimentTruth
{
    public static IReadOnlyList<string> Header { get; } =
        ["experiment", "variant", "metric", "segment", "segment_name", "control_value", "true_absolute_lift"];

    public static void Write(string path, IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        using var csv = new CsvRowWriter(path, Header);
        foreach (var design in ExperimentDesign.All)
        {
            for (var arm = 1; arm < design.Arms.Count; arm++)
            {
                WriteMetric(csv, design, arm, "conversion", customers, ExperimentOutcomeModel.Conversion, 6);
                WriteMetric(csv, design, arm, "revenue_per_user", customers, ExperimentOutcomeModel.ExpectedRevenue, 4);
            }
        }
    }

    private static void WriteMetric(
        CsvRowWriter csv, ExperimentDesign design, int arm, string metric, IReadOnlyList<Customer> customers,
        Func<Customer, ExperimentDesign, int, double> expected, int places)
    {
        void Row(string segment, string name, IReadOnlyList<Customer> group)
        {
            var control = group.Average(c => expected(c, design, 0));
            var treated = group.Average(c => expected(c, design, arm));
            csv.Text(design.Name).Text(design.Arms[arm].Name).Text(metric).Text(segment).Text(name)
                .Decimal(control, places).Decimal(treated - control, places).EndRow();
        }

        Row("all", "all", customers);
        foreach (var s in SegmentCatalog.All)
        {
            var members = customers.Where(c => c.Segment == s.Id).ToList();
            if (members.Count > 0)
            {
                Row(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, members);
            }
        }
    }
}
