namespace Studio.Analysis.Experiments.Stored;

/// <summary>Guesses a column mapping from column names (the analyst confirms it in the form).</summary>
public static class MappingSuggester
{
    private static readonly string[] UnitNames = ["unit_id", "customer_id", "user_id", "visitor_id", "account_id", "id"];
    private static readonly string[] VariantNames = ["variant", "arm", "group", "treatment", "bucket"];
    private static readonly string[] TimeNames = ["assigned_at", "assignment_time", "timestamp", "assigned", "exposed_at", "date"];
    private static readonly string[] ConversionNames = ["converted", "conversion", "purchased", "is_converted"];
    private static readonly string[] RevenueNames = ["revenue", "spend", "order_value", "value"];
    private static readonly string[] PreNames = ["pre_period_spend", "pre_covariate", "pre_revenue", "pre_period_revenue"];
    private static readonly string[] ExperimentNames = ["experiment", "experiment_name", "test", "test_name"];

    public static ExperimentMapping Suggest(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string? Pick(string[] names, params string?[] taken) =>
            names.Select(n => columns.FirstOrDefault(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(c => c is not null && !taken.Contains(c))
            ?? columns.FirstOrDefault(c => !taken.Contains(c) && names.Any(n => c.Contains(n, StringComparison.OrdinalIgnoreCase)));

        var unit = Pick(UnitNames) ?? columns.FirstOrDefault() ?? "";
        var variant = Pick(VariantNames, unit) ?? "";
        var time = Pick(TimeNames, unit, variant) ?? "";
        var converted = Pick(ConversionNames, unit, variant, time);
        var pre = Pick(PreNames, unit, variant, time, converted);
        var revenue = Pick(RevenueNames, unit, variant, time, converted, pre);
        var experiment = Pick(ExperimentNames, unit, variant, time, converted, pre, revenue);
        return new ExperimentMapping(unit, variant, time, converted, revenue, pre, [], experiment);
    }
}
