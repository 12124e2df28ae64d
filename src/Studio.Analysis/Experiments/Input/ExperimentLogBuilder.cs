namespace Studio.Analysis.Experiments.Input;

/// <summary>
/// Builds an <see cref="ExperimentLog"/> column by column (or from rows). Missing outcomes are given as
/// <c>null</c> and stored as <see cref="double.NaN"/>.
/// </summary>
public sealed class ExperimentLogBuilder
{
    private readonly string _experimentName;
    private string[]? _unitIds;
    private string[]? _variants;
    private DateTimeOffset[]? _assignedAt;
    private readonly List<KeyValuePair<string, double[]>> _outcomes = [];
    private double[]? _preCovariate;
    private readonly Dictionary<string, string?[]> _segments = new(StringComparer.Ordinal);

    public ExperimentLogBuilder(string experimentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentName);
        _experimentName = experimentName;
    }

    public ExperimentLogBuilder WithUnitIds(IEnumerable<string> unitIds) { _unitIds = [.. unitIds]; return this; }
    public ExperimentLogBuilder WithVariants(IEnumerable<string> variants) { _variants = [.. variants]; return this; }
    public ExperimentLogBuilder WithAssignedAt(IEnumerable<DateTimeOffset> assignedAt) { _assignedAt = [.. assignedAt]; return this; }

    public ExperimentLogBuilder WithConverted(IEnumerable<bool> converted)
    {
        ArgumentNullException.ThrowIfNull(converted);
        return WithOutcome(ExperimentColumns.Converted, converted.Select(c => (double?)(c ? 1.0 : 0.0)));
    }

    public ExperimentLogBuilder WithConverted(IEnumerable<double?> converted) => WithOutcome(ExperimentColumns.Converted, converted);
    public ExperimentLogBuilder WithRevenue(IEnumerable<double?> revenue) => WithOutcome(ExperimentColumns.Revenue, revenue);

    /// <summary>A named numeric outcome column (replaces an earlier one of the same name).</summary>
    public ExperimentLogBuilder WithOutcome(string column, IEnumerable<double?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        _outcomes.RemoveAll(o => o.Key == column);
        _outcomes.Add(KeyValuePair.Create(column, ToColumn(values)));
        return this;
    }
    public ExperimentLogBuilder WithPreCovariate(IEnumerable<double?> pre) { _preCovariate = ToColumn(pre); return this; }

    public ExperimentLogBuilder WithSegment(string attribute, IEnumerable<string?> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attribute);
        ArgumentNullException.ThrowIfNull(values);
        _segments[attribute] = [.. values];
        return this;
    }

    public ExperimentLog Build()
    {
        if (_variants is null)
        {
            throw new InvalidOperationException($"Experiment '{_experimentName}': column {ExperimentColumns.Variant} is required.");
        }

        return new ExperimentLog(_experimentName, _unitIds, _variants, _assignedAt, _outcomes, _preCovariate, _segments);
    }

    /// <summary>Row-oriented entry: a column is present when at least one row has a value for it.</summary>
    public static ExperimentLog FromRows(string experimentName, IEnumerable<ExperimentRow> rows, IReadOnlyList<string>? segmentAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<ExperimentRow> ?? [.. rows];
        var builder = new ExperimentLogBuilder(experimentName)
            .WithUnitIds(list.Select(r => r.UnitId))
            .WithVariants(list.Select(r => r.Variant))
            .WithAssignedAt(list.Select(r => r.AssignedAt));
        if (list.Any(r => r.Converted.HasValue)) builder.WithConverted(list.Select(r => r.Converted));
        if (list.Any(r => r.Revenue.HasValue)) builder.WithRevenue(list.Select(r => r.Revenue));
        if (list.Any(r => r.PreCovariate.HasValue)) builder.WithPreCovariate(list.Select(r => r.PreCovariate));
        var attributes = segmentAttributes ?? [];
        for (var a = 0; a < attributes.Count; a++)
        {
            var index = a;
            builder.WithSegment(attributes[a], list.Select(r => r.SegmentValues is { } v && index < v.Count ? v[index] : null));
        }

        return builder.Build();
    }

    private static double[] ToColumn(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.Select(v => v ?? double.NaN)];
    }
}
