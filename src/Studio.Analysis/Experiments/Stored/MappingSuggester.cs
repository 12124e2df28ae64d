using Studio.Core.Datasets;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>Which column types fit each role of a mapping, and a guessed mapping from column names and types (the analyst confirms it in the form).</summary>
public static class MappingSuggester
{
    private static readonly string[] UnitNames = ["unit_id", "customer_id", "user_id", "userid", "visitor_id", "account_id", "id"];
    private static readonly string[] VariantNames = ["variant", "arm", "group", "treatment", "bucket", "version"];
    private static readonly string[] TimeNames = ["assigned_at", "assignment_time", "timestamp", "assigned", "exposed_at", "date"];
    private static readonly string[] ConversionNames = ["converted", "conversion", "purchased", "is_converted", "retention_1", "retention_7"];
    private static readonly string[] RevenueNames = ["revenue", "spend", "order_value", "value"];
    private static readonly string[] PreNames = ["pre_period_spend", "pre_covariate", "pre_revenue", "pre_period_revenue"];
    private static readonly string[] ExperimentNames = ["experiment", "experiment_name", "test", "test_name"];

    /// <summary>Column types that can hold each role.</summary>
    public static bool Fits(MappingRole role, ColumnType type) => role switch
    {
        MappingRole.UnitId => type is ColumnType.Identifier or ColumnType.Categorical or ColumnType.Text or ColumnType.Integer,
        MappingRole.Variant => type is ColumnType.Categorical or ColumnType.Text or ColumnType.Identifier or ColumnType.Integer or ColumnType.Boolean,
        MappingRole.Time => type == ColumnType.DateTime,
        MappingRole.Proportion => type is ColumnType.Boolean or ColumnType.Integer,
        MappingRole.Number => type is ColumnType.Integer or ColumnType.Decimal or ColumnType.Boolean,
        MappingRole.Day => type is ColumnType.DateTime or ColumnType.Integer,
        MappingRole.Segment or MappingRole.ExperimentName => type is ColumnType.Categorical or ColumnType.Text or ColumnType.Boolean or ColumnType.Integer or ColumnType.Identifier,
        _ => false,
    };

    public static IReadOnlyList<string> Fitting(IEnumerable<(string Name, ColumnType Type)> columns, MappingRole role) =>
        [.. columns.Where(c => Fits(role, c.Type)).Select(c => c.Name)];

    /// <summary>Guesses from names only (every column fits every role).</summary>
    public static ExperimentMapping Suggest(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Suggest([.. columns.Select(c => (c, (ColumnType?)null))]);
    }

    public static ExperimentMapping Suggest(IReadOnlyList<(string Name, ColumnType Type)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Suggest([.. columns.Select(c => (c.Name, (ColumnType?)c.Type))]);
    }

    private static ExperimentMapping Suggest(List<(string Name, ColumnType? Type)> columns)
    {
        string? Pick(MappingRole role, string[] names, params string?[] taken)
        {
            var fitting = columns.Where(c => c.Type is null || Fits(role, c.Type.Value)).Select(c => c.Name).Where(c => !taken.Contains(c)).ToList();
            return names.Select(n => fitting.FirstOrDefault(c => string.Equals(c, n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null)
                ?? fitting.FirstOrDefault(c => names.Any(n => c.Contains(n, StringComparison.OrdinalIgnoreCase)));
        }

        var unit = Pick(MappingRole.UnitId, UnitNames);
        var variant = Pick(MappingRole.Variant, VariantNames, unit) ?? "";
        var time = Pick(MappingRole.Time, TimeNames, unit, variant);
        var converted = Pick(MappingRole.Proportion, ConversionNames, unit, variant, time);
        var pre = Pick(MappingRole.Number, PreNames, unit, variant, time, converted);
        var revenue = Pick(MappingRole.Number, RevenueNames, unit, variant, time, converted, pre);
        var experiment = Pick(MappingRole.ExperimentName, ExperimentNames, unit, variant, time, converted, pre, revenue);
        var metrics = new List<MappedMetric>();
        if (converted is not null) metrics.Add(new MappedMetric(converted, MetricKind.Proportion));
        if (revenue is not null) metrics.Add(new MappedMetric(revenue, MetricKind.Mean));
        return new ExperimentMapping(unit, variant, time, metrics, pre, [], experiment);
    }
}

/// <summary>The roles a column can take in a mapping (see <see cref="MappingSuggester.Fits"/>).</summary>
public enum MappingRole
{
    UnitId,
    Variant,
    Time,
    Proportion,
    Number,
    Day,
    Segment,
    ExperimentName,
}
