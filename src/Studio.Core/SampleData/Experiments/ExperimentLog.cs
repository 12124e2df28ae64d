using Studio.Core.SampleData.Csv;
using Studio.Core.SampleData.Customers;
using Studio.Core.SampleData.Randomness;

namespace Studio.Core.SampleData.Experiments;

/// <summary>Writes experiments.csv: one row per logged unit and experiment, experiments in order, customers in id order.</summary>
internal static class ExperimentLog
{
    public static IReadOnlyList<string> Header { get; } =
        ["customer_id", "experiment", "variant", "assigned_at", "pre_period_spend", "converted", "revenue"];

    /// <returns>Rows written.</returns>
    public static int Write(string path, GeneratorOptions options, IReadOnlyList<Customer> customers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(customers);
        var start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        using var csv = new CsvRowWriter(path, Header);
        var rows = 0;
        foreach (var design in ExperimentDesign.All)
        {
            var random = new SeededRandom(options.Seed, "experiments:" + design.Name);
            var startDay = (int)(options.Days * design.StartFraction);
            foreach (var customer in customers)
            {
                if (!random.Bernoulli(design.Eligibility))
                {
                    continue;
                }

                var arm = random.NextInt(design.Arms.Count);
                var assignedSeconds = (startDay * 86_400L) + random.NextInt(design.AssignmentDays * 86_400);
                var preSpend = ExperimentOutcomeModel.PrePeriodSpend(customer, random);
                var (converted, revenue) = ExperimentOutcomeModel.Outcome(customer, design, arm, random);
                // The planted logging fault: some units of the last arm never reach the log.
                if (arm == design.Arms.Count - 1 && random.Bernoulli(design.DroppedLastArmShare))
                {
                    continue;
                }

                csv.Text(customer.Id)
                    .Text(design.Name)
                    .Text(design.Arms[arm].Name)
                    .Timestamp(start.AddSeconds(assignedSeconds))
                    .Decimal(preSpend)
                    .Flag(converted)
                    .Decimal(revenue)
                    .EndRow();
                rows++;
            }
        }

        return rows;
    }
}
