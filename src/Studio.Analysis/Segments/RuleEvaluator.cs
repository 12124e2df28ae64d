using System.Globalization;

namespace Studio.Analysis.Segments;

/// <summary>Checks and evaluates a rule segment's definition on a <see cref="CustomerTable"/>.</summary>
public static class RuleEvaluator
{
    /// <summary>Problems that stop the rules from running, each naming the rule; empty when they can run.</summary>
    public static IReadOnlyList<string> Validate(SegmentDefinition definition, CustomerTable table, bool hasScores)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(table);
        var problems = new List<string>();
        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"Rule {i + 1}");
            var problem = ProblemOf(rule, table, hasScores);
            if (problem is not null) problems.Add($"{where}: {problem}");
        }
        return problems;
    }

    /// <summary>Which rows satisfy every rule. <paramref name="scores"/> is aligned to the table's rows (NaN = none).</summary>
    public static bool[] Evaluate(SegmentDefinition definition, CustomerTable table, IReadOnlyList<double>? scores)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(table);
        var problems = Validate(definition, table, scores is not null);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(definition));
        var mask = new bool[table.RowCount];
        Array.Fill(mask, true);
        foreach (var rule in definition.Rules)
        {
            var test = Predicate(rule, table, scores);
            for (var row = 0; row < mask.Length; row++)
                if (mask[row] && !test(row)) mask[row] = false;
        }
        return mask;
    }

    private static string? ProblemOf(SegmentRule rule, CustomerTable table, bool hasScores)
    {
        switch (rule)
        {
            case NumericRangeRule r:
                return ColumnProblem(table, r.Column, AttributeKind.Numeric) ?? RangeProblem(r.Min, r.Max);
            case CategoryInRule r:
                return ColumnProblem(table, r.Column, AttributeKind.Category)
                    ?? (r.Values.Count == 0 ? $"pick at least one value of '{r.Column}'." : null);
            case DateRangeRule r:
                return ColumnProblem(table, r.Column, AttributeKind.Date)
                    ?? (r.From > r.To ? $"the start date is after the end date for '{r.Column}'." : null);
            case MissingRule r:
                return table.Find(r.Column) is null ? $"the dataset has no column '{r.Column}'." : null;
            case ScoreRangeRule r:
                if (!hasScores) return "choose a model score set for the propensity range.";
                return RangeProblem(r.Min, r.Max);
            case RfmRule r:
                if (RfmScores.ColumnFor(table, r.Dimension) is null)
                    return $"the dataset has no {string.Join(" or ", RfmScores.ColumnNames[r.Dimension])} column; add customer aggregates in the Data recipe first.";
                return r.Min is < 1 or > 5 || r.Max is < 1 or > 5 || r.Min > r.Max ? "RFM scores run from 1 to 5 with min ≤ max." : null;
            default:
                return "unknown rule kind.";
        }
    }

    private static string? ColumnProblem(CustomerTable table, string column, AttributeKind kind) => table.Find(column) switch
    {
        null => $"the dataset has no column '{column}'.",
        { Kind: var actual } when actual != kind => $"'{column}' is {actual.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}.",
        _ => null,
    };

    private static string? RangeProblem(double? min, double? max) =>
        min > max ? string.Create(CultureInfo.CurrentCulture, $"the minimum {min:G6} is above the maximum {max:G6}.") : null;

    private static Func<int, bool> Predicate(SegmentRule rule, CustomerTable table, IReadOnlyList<double>? scores)
    {
        switch (rule)
        {
            case NumericRangeRule r:
                var numbers = table.Find(r.Column)!.Numbers;
                var (lo, hi) = (r.Min ?? double.NegativeInfinity, r.Max ?? double.PositiveInfinity);
                return row => numbers[row] >= lo && numbers[row] <= hi;
            case CategoryInRule r:
                var labels = table.Find(r.Column)!.Labels;
                var allowed = r.Values.ToHashSet(StringComparer.Ordinal);
                return row => labels[row] is { } label && allowed.Contains(label);
            case DateRangeRule r:
                var ticks = table.Find(r.Column)!.DateTicks;
                var (from, to) = (r.From?.UtcTicks ?? long.MinValue + 1, r.To?.UtcTicks ?? long.MaxValue);
                return row => ticks[row] != AttributeColumn.MissingDate && ticks[row] >= from && ticks[row] <= to;
            case MissingRule r:
                var column = table.Find(r.Column)!;
                return row => column.IsMissing(row) == r.Missing;
            case ScoreRangeRule r:
                var (min, max) = (r.Min ?? double.NegativeInfinity, r.Max ?? double.PositiveInfinity);
                return row => scores![row] >= min && scores[row] <= max;
            case RfmRule r:
                var rfm = RfmScores.Compute(table, r.Dimension)!;
                return row => rfm[row] >= r.Min && rfm[row] <= r.Max;
            default:
                throw new ArgumentException($"Unknown rule {rule.GetType().Name}.", nameof(rule));
        }
    }
}
