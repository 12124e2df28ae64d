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

    public ExperimentAnalysis TryAnalyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default)
    {
        try
        {
            var readout = Analyze(log, spec, cancellationToken);
            return new ExperimentAnalysis(readout, readout.DataQuality);
        }
        catch (ExperimentValidationException e)
        {
            return new ExperimentAnalysis(null, e.Issues);
        }
    }

    public ExperimentReadout Analyze(ExperimentLog log, ExperimentSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(spec);
        var specIssues = SpecValidator.Validate(log, spec);
        if (specIssues.Count > 0) throw new ExperimentValidationException(spec.Name, specIssues);

        var scan = RowScanner.Scan(log, spec);
        cancellationToken.ThrowIfCancellationRequested();
        var originDay = scan.MinTicks / TimeSpan.TicksPerDay;
        var span = log.RowCount == 0 ? 0 : scan.MaxTicks / TimeSpan.TicksPerDay - originDay + 1;
        var dayCount = span <= MaxTimelineDays ? (int)span : 0;
        if (span > MaxTimelineDays)
        {
            scan.Issues.Add(new ValidationIssue(IssueCode.TimestampsOutOfOrder, IssueSeverity.Warning,
                $"Experiment '{spec.Name}': column {ExperimentColumns.AssignedAt} spans {span} days; no timeline is drawn (check for placeholder dates)."));
        }

        // Rows are unusable if the first pass already failed; the unit check still runs so every problem is reported at once.
        var rowsOk = scan.Issues.TrueForAll(i => i.Severity != IssueSeverity.Error) && log.RowCount > 0;
        UnitScan? units = null;
        LogAggregates? aggregates = null;
        double[]? caps = null;
        Parallel.Invoke(
            () => units = UnitScanner.Scan(log, scan.RowArm),
            () =>
            {
                if (!rowsOk) return;
                caps = WinsorizationCaps.Compute(log, scan, spec.RevenueWinsorization);
                aggregates = LogAggregator.Aggregate(log, scan, caps, spec.SegmentAttribute, originDay, dayCount, 1);
            });
        cancellationToken.ThrowIfCancellationRequested();

        UnitScanner.Report(log, spec, scan, units!);
        if (spec.ExcludeContaminatedUnits && units!.Contaminated is { Count: > 0 } contaminated)
        {
            UnitScanner.ExcludeContaminated(log, scan, contaminated);
            if (rowsOk)
            {
                caps = WinsorizationCaps.Compute(log, scan, spec.RevenueWinsorization);
                aggregates = LogAggregator.Aggregate(log, scan, caps, spec.SegmentAttribute, originDay, dayCount, Environment.ProcessorCount);
            }
        }

        RowScanner.CheckArms(log, spec, scan);
        if (aggregates is null || scan.Issues.Exists(i => i.Severity == IssueSeverity.Error))
        {
            throw new ExperimentValidationException(spec.Name, scan.Issues);
        }

        return Assemble(log, spec, scan, aggregates, caps, originDay);
    }

    private static ExperimentReadout Assemble(ExperimentLog log, ExperimentSpec spec, RowScan scan, LogAggregates aggregates, double[]? caps, long originDay)
    {
        var arms = scan.Arms;
        var weights = arms.Select(a => spec.IntendedSplit?[a] ?? 1.0).ToArray();
        var shares = weights.Select(w => w / weights.Sum()).ToArray();
        var builder = new ComparisonBuilder(spec, arms, shares, log.HasConversion, log.HasRevenue);
        var cuped = log.HasPreCovariate ? CupedInputs.From(aggregates.Arms) : null;
        var srm = SampleRatioMismatch.Test([.. aggregates.Arms.Select(a => a.N)], weights, spec.SrmThreshold);
        var segments = spec.SegmentAttribute is null
            ? null
            : SegmentBuilder.Build(spec.SegmentAttribute, log.Segment(spec.SegmentAttribute).Categories, aggregates.Segments, spec.TopSegmentValues, builder);
        var analysed = aggregates.Arms.Sum(a => a.N);
        return new ExperimentReadout(
            spec,
            builder.Arms(aggregates.Arms),
            builder.Comparisons(aggregates.Arms, cuped),
            srm,
            TimelineBuilder.Build(aggregates, arms, originDay, spec, log.HasConversion, log.HasRevenue),
            segments,
            caps is null ? null : new WinsorizationResult(spec.RevenueWinsorization!, caps),
            scan.Issues,
            analysed,
            log.RowCount - analysed);
    }
}
