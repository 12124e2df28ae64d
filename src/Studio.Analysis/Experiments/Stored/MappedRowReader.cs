using System.Globalization;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Summaries;
using Studio.Data.Datasets;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>
/// Collects the mapped columns of a dataset's rows (one <see cref="Add"/> per row) into an experiment log or summary
/// input. Problems name the row and column; reading stops collecting after five of them.
/// </summary>
internal sealed class MappedRowReader(ExperimentMapping mapping, List<DatasetColumn> columns, string name)
{
    private const int MaxProblems = 5;
    private readonly int _unit = Index(columns, mapping.UnitId);
    private readonly int _variant = Index(columns, mapping.Variant);
    private readonly int _time = Index(columns, mapping.AssignedAt);
    private readonly int _pre = Index(columns, mapping.PreCovariate);
    private readonly int _filter = Index(columns, mapping.ExperimentColumn);
    private readonly int _units = Index(columns, mapping.Units);
    private readonly int _day = Index(columns, mapping.Day);
    private readonly List<(string Name, int Index, List<double?> Values)> _outcomes = [.. mapping.Metrics
        .SelectMany(m => new[] { m.Column, m.Denominator, m.Spread })
        .OfType<string>().Distinct(StringComparer.Ordinal)
        .Select(c => (c, Index(columns, c), new List<double?>()))];
    private readonly List<(string Name, int Index, List<string?> Values)> _segments = [.. (mapping.Segments ?? []).Select(s => (s, Index(columns, s), new List<string?>()))];
    private readonly List<string> _unitIds = [];
    private readonly List<string> _variants = [];
    private readonly List<DateTimeOffset> _times = [];
    private readonly List<double?> _preValues = [];
    private readonly List<long> _n = [];
    private readonly List<DateOnly> _days = [];
    private long _row;

    public List<string> Problems { get; } = [];
    public int Rows => _variants.Count;

    public void Add(object?[] values)
    {
        _row++;
        if (_filter >= 0 && !string.Equals(Text(values[_filter]), mapping.ExperimentValue, StringComparison.Ordinal)) return;
        if (Problems.Count >= MaxProblems) return;
        var arm = Text(values[_variant]);
        if (arm is null) { Problems.Add(Where(mapping.Variant, "has no variant")); return; }
        if (_unit >= 0)
        {
            if (Text(values[_unit]) is not { } id) { Problems.Add(Where(mapping.UnitId!, "has no unit id")); return; }
            _unitIds.Add(id);
        }

        if (_time >= 0)
        {
            if (Time(values[_time]) is not { } at) { Problems.Add(Where(mapping.AssignedAt!, $"has no readable assignment time ('{Text(values[_time])}'); map a date-time column, or none")); return; }
            _times.Add(at);
        }

        if (_units >= 0)
        {
            var n = Number(values[_units], mapping.Units!);
            if (n is not { } count || count < 0 || count != Math.Floor(count)) { Problems.Add(Where(mapping.Units!, $"has '{Text(values[_units])}', not a count of units")); return; }
            _n.Add((long)count);
        }

        if (_day >= 0)
        {
            if (Day(values[_day]) is not { } day) { Problems.Add(Where(mapping.Day!, $"has '{Text(values[_day])}', which is neither a date nor a day number")); return; }
            _days.Add(day);
        }

        _variants.Add(arm);
        foreach (var (column, index, list) in _outcomes) list.Add(Number(values[index], column));
        if (_pre >= 0) _preValues.Add(Number(values[_pre], mapping.PreCovariate!));
        foreach (var (_, index, list) in _segments) list.Add(Text(values[index]));
    }

    public ExperimentLog BuildLog()
    {
        var builder = new ExperimentLogBuilder(name).WithVariants(_variants);
        if (_unit >= 0) builder.WithUnitIds(_unitIds);
        if (_time >= 0) builder.WithAssignedAt(_times);
        foreach (var (column, _, values) in _outcomes) builder.WithOutcome(column, values);
        if (_pre >= 0) builder.WithPreCovariate(_preValues);
        foreach (var (segment, _, values) in _segments) builder.WithSegment(segment, values);
        return builder.Build();
    }

    public SummaryInput BuildSummary()
    {
        var rows = new List<SummaryRow>();
        var outcome = _outcomes.ToDictionary(o => o.Name, o => o.Values, StringComparer.Ordinal);
        for (var i = 0; i < _variants.Count; i++)
        {
            DateOnly? day = _day >= 0 ? _days[i] : null;
            foreach (var metric in mapping.Metrics)
            {
                var value = outcome[metric.Column][i] ?? double.NaN;
                if (metric.Kind == MetricKind.Proportion)
                {
                    rows.Add(SummaryRow.FromConversions(_variants[i], metric.Column, _n[i], (long)Math.Round(value), day));
                    continue;
                }

                var spread = outcome[metric.Spread!][i] ?? double.NaN;
                rows.Add(metric.SpreadKind == SpreadKind.Variance
                    ? new SummaryRow(_variants[i], metric.Column, _n[i], value, spread, day)
                    : SummaryRow.FromStandardDeviation(_variants[i], metric.Column, _n[i], value, spread, day));
            }
        }

        return new SummaryInput([.. mapping.Metrics.Select(m => m.ToSpec())], rows);
    }

    private static int Index(List<DatasetColumn> columns, string? column) => column is null ? -1 : columns.FindIndex(c => c.Name == column);

    private string Where(string column, string what) =>
        $"Experiment '{name}': row {_row.ToString(CultureInfo.InvariantCulture)} {what} (column '{column}').";

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTimeOffset? Time(object? value) => value switch
    {
        DateTimeOffset d => d,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => null,
    };

    /// <summary>A date, or a whole day number counted from an arbitrary origin (shown as days from 2000-01-01).</summary>
    private static DateOnly? Day(object? value) => value switch
    {
        long l when l is >= 0 and < 100_000 => DayZero.AddDays((int)l),
        double d when d == Math.Floor(d) && d is >= 0 and < 100_000 => DayZero.AddDays((int)d),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l is >= 0 and < 100_000 => DayZero.AddDays((int)l),
        _ => Time(value) is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null,
    };

    private static readonly DateOnly DayZero = new(2000, 1, 1);

    private double? Number(object? value, string column)
    {
        switch (value)
        {
            case null: return null;
            case bool b: return b ? 1 : 0;
            case long l: return l;
            case double d: return double.IsNaN(d) ? null : d;
            case string s when s.Length == 0: return null;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d): return d;
            case string s when bool.TryParse(s, out var b): return b ? 1 : 0;
            default:
                Problems.Add(Where(column, $"has '{value}', which is not a number"));
                return null;
        }
    }
}
