using Studio.Analysis.Experiments.Aggregation;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Statistics;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.Experiments;

/// <summary>Entry point of the statistics engine: validates a log against a spec and computes the readout.</summary>
public interface IExperimentAnalyzer
{
    /// <exception cref="ExperimentValidationException">The log or spec has a blocking problem; nothing was computed.</exception>
    ExperimentReadout Analyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="Analyze"/> but returns the issues instead of throwing (for pages that show them).</summary>
    ExperimentAnalysis TryAnalyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default);

    /// <summary>The same readout from aggregated data (per-arm totals or daily cumulative aggregates).</summary>
    ExperimentAnalysis TryAnalyze(Summaries.SummaryInput input, ExperimentSpec spec, CancellationToken cancellationToken = default);
}

/// <summary>Either a readout, or the issues that prevented it.</summary>
public sealed record ExperimentAnalysis(ExperimentReadout? Readout, IReadOnlyList<ValidationIssue> Issues)
{
    public bool Succeeded => Readout is not null;
}

public sealed class ExperimentAnalyzer : IExperimentAnalyzer
{
    /// <summary>Longest timeline kept; a log spanning more days (usually a broken timestamp) gets no timeline.</summary>
    public const int MaxTimelineDays = 3660;

    public ExperimentAnalysis TryAnalyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default) =>
        Try(() => Analyze(log, spec, cancellationToken));

    public ExperimentAnalysis TryAnalyze(Summaries.SummaryInput input, ExperimentSpec spec, CancellationToken cancellationToken = default) =>
        Try(() => Summaries.SummaryAnalyzer.Analyze(input, spec));

    private static ExperimentAnalysis Try(Func<ExperimentReadout> analyze)
    {
        try
        {
            var readout = analyze();
            return new ExperimentAnalysis(readout, readout.DataQuality);
        }
        catch (ExperimentValidationException e)
        {
            return new ExperimentAnalysis(null, e.Issues);
        }
    }

    /// <summary>The spec's metrics, or the log's default ones: a <c>converted</c> column as a proportion, any other as a mean.</summary>
    public static IReadOnlyList<MetricSpec> MetricsOf(ExperimentLog log, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Metrics ?? [.. log.OutcomeColumns.Select(c => new MetricSpec(c, c == ExperimentColumns.Converted ? MetricKind.Proportion : MetricKind.Mean))];
    }

    public ExperimentReadout Analyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(spec);
        var metrics = MetricsOf(log, spec);
        var specIssues = SpecValidator.Validate(log, spec, metrics);
        if (specIssues.Count > 0) throw new ExperimentValidationException(spec.Name, specIssues);

        var scan = RowScanner.Scan(log, spec, metrics);
        cancellationToken.ThrowIfCancellationRequested();
        var columns = metrics.Select(m => new MetricColumns(m, log.OutcomeArray(m.Column), m.Denominator is null ? null : log.OutcomeArray(m.Denominator))).ToList();
        var originDay = scan.MinTicks / TimeSpan.TicksPerDay;
        var span = log.RowCount == 0 || !log.HasAssignmentTime ? 0 : scan.MaxTicks / TimeSpan.TicksPerDay - originDay + 1;
        var dayCount = span <= MaxTimelineDays ? (int)span : 0;
        string? timelineNote = log.HasAssignmentTime ? null : "No assignment-time column is mapped, so there is no timeline (and no always-valid sequence over days).";
        if (span > MaxTimelineDays)
        {
            timelineNote = $"Column {ExperimentColumns.AssignedAt} spans {span} days; no timeline is drawn (check for placeholder dates).";
            scan.Issues.Add(new ValidationIssue(IssueCode.TimestampsOutOfOrder, IssueSeverity.Warning, $"Experiment '{spec.Name}': {timelineNote}"));
        }

        // Rows are unusable if the first pass already failed; the unit check still runs so every problem is reported at once.
        var rowsOk = scan.Issues.TrueForAll(i => i.Severity != IssueSeverity.Error) && log.RowCount > 0;
        UnitScan? units = null;
        LogAggregates? aggregates = null;
        var caps = new double[]?[columns.Count];
        Parallel.Invoke(
            () => units = log.HasUnitIds ? UnitScanner.Scan(log, scan.RowArm) : null,
            () =>
            {
                if (!rowsOk) return;
                caps = WinsorizationCaps.Compute(log, scan, columns, spec.Winsorization);
                aggregates = LogAggregator.Aggregate(log, scan, columns, caps, spec.SegmentAttribute, originDay, dayCount, 1);
            });
        cancellationToken.ThrowIfCancellationRequested();

        if (units is not null)
        {
            UnitScanner.Report(log, spec, scan, units);
            if (spec.ExcludeContaminatedUnits && units.Contaminated is { Count: > 0 } contaminated)
            {
                UnitScanner.ExcludeContaminated(log, scan, contaminated);
                if (rowsOk)
                {
                    scan.Issues.RemoveAll(i => i.Code == IssueCode.WinsorizationMakesConstant);
                    caps = WinsorizationCaps.Compute(log, scan, columns, spec.Winsorization);
                    aggregates = LogAggregator.Aggregate(log, scan, columns, caps, spec.SegmentAttribute, originDay, dayCount, Environment.ProcessorCount);
                }
            }
        }

        RowScanner.CheckArms(log, spec, scan);
        if (aggregates is null || scan.Issues.Exists(i => i.Severity == IssueSeverity.Error))
        {
            throw new ExperimentValidationException(spec.Name, scan.Issues);
        }

        TailChecks.Run(log, scan, columns, caps, aggregates);
        var analysed = Enumerable.Range(0, scan.Arms.Count).Sum(aggregates.Units);
        var segments = spec.SegmentAttribute is null ? null : log.Segment(spec.SegmentAttribute).Categories;
        var capped = columns.Select((c, m) => (c.Spec.Name, Caps: caps[m])).Where(x => x.Caps is not null)
            .ToDictionary(x => x.Name, x => (IReadOnlyList<double>)x.Caps!, StringComparer.Ordinal);
        return Assemble(new AssemblyInput(spec, metrics, scan.Arms, aggregates, scan.Issues, analysed, log.RowCount - analysed,
            log.HasPreCovariate, segments, originDay, timelineNote, spec.Winsorization is { } w && capped.Count > 0 ? new WinsorizationResult(w, capped) : null));
    }

    internal sealed record AssemblyInput(
        ExperimentSpec Spec,
        IReadOnlyList<MetricSpec> Metrics,
        IReadOnlyList<string> Arms,
        LogAggregates Aggregates,
        List<ValidationIssue> Issues,
        long RowsAnalysed,
        long RowsExcluded,
        bool HasPreCovariate,
        IReadOnlyList<string?>? SegmentCategories,
        long OriginDay,
        string? TimelineNote,
        WinsorizationResult? Winsorization);

    /// <summary>Statistics from aggregates; shared by unit-level logs and summary input.</summary>
    internal static ExperimentReadout Assemble(AssemblyInput input)
    {
        var (spec, metrics, arms, aggregates) = (input.Spec, input.Metrics, input.Arms, input.Aggregates);
        var weights = arms.Select(a => spec.IntendedSplit?[a] ?? 1.0).ToArray();
        var shares = weights.Select(w => w / weights.Sum()).ToArray();
        var builder = new ComparisonBuilder(spec, arms, shares, metrics);
        var cuped = input.HasPreCovariate ? CupedInputs.From(aggregates.Arms, arms.Count, metrics.Count) : null;
        var srm = SampleRatioMismatch.Test([.. Enumerable.Range(0, arms.Count).Select(aggregates.Units)], weights, spec.SrmThreshold);
        var segments = spec.SegmentAttribute is null || input.SegmentCategories is null
            ? null
            : SegmentBuilder.Build(spec.SegmentAttribute, input.SegmentCategories, aggregates.Segments, spec.TopSegmentValues, metrics.Count, builder);
        ReportConstantMetrics(spec, metrics, arms, aggregates, input.Issues);
        return new ExperimentReadout(
            spec,
            metrics,
            builder.Arms(aggregates.Arms),
            builder.Comparisons(aggregates.Arms, cuped),
            srm,
            TimelineBuilder.Build(aggregates, arms, metrics, input.OriginDay, spec),
            segments,
            input.Winsorization,
            input.Issues,
            input.RowsAnalysed,
            input.RowsExcluded,
            input.TimelineNote);
    }

    /// <summary>A metric with zero variance in every arm cannot be tested (its p-value is undefined); say so by name.</summary>
    private static void ReportConstantMetrics(ExperimentSpec spec, IReadOnlyList<MetricSpec> metrics, IReadOnlyList<string> arms, LogAggregates aggregates, List<ValidationIssue> issues)
    {
        for (var m = 0; m < metrics.Count; m++)
        {
            var constant = Enumerable.Range(0, arms.Count).All(a =>
            {
                var moments = aggregates.Arms[a * metrics.Count + m].Estimate(metrics[m].Kind);
                return !(moments.VarianceOfMean > 0);
            });
            if (!constant) continue;
            issues.Add(new ValidationIssue(IssueCode.ConstantMetric, IssueSeverity.Warning,
                $"Experiment '{spec.Name}': metric {metrics[m].Name} has no variation within any arm, so it cannot be tested (no p-value or interval is shown for it).",
                Column: metrics[m].Column));
        }
    }
}
