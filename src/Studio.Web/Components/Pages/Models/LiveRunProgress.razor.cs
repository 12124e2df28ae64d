using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

public sealed partial class LiveRunProgress
{
    [Inject] public required TrainingNotifier Notifier { get; init; }
    [Inject] public required JobQueue Queue { get; init; }

    [Parameter, EditorRequired] public required int RunId { get; set; }
    [Parameter] public Guid? JobId { get; set; }
    [Parameter] public JobStatus Status { get; set; } = JobStatus.Queued;
    [Parameter] public IReadOnlyList<EpochPoint> InitialEpochs { get; set; } = [];
    /// <summary>The metric plotted beside the losses (AUC for binary targets).</summary>
    [Parameter] public string Metric { get; set; } = MetricNames.Auc;
    [Parameter] public EventCallback<JobStatus> Finished { get; set; }
    [Parameter] public EventCallback<JobStatus> StatusChanged { get; set; }

    private readonly List<EpochPoint> _epochs = [];
    private StudioChart? _lossChart;
    private StudioChart? _metricChart;
    private ChartSpec? _lossSpec;
    private ChartSpec? _metricSpec;
    private TrainingProgress? _latest;
    private JobStatus _status;
    private bool _cancelRequested;

    /// <summary>The points plotted so far (stored epochs, then live ones).</summary>
    public IReadOnlyList<EpochPoint> Epochs => _epochs;

    private bool CanCancel => JobId is not null && !_status.IsFinished();

    private double Fraction => _status == JobStatus.Succeeded ? 1
        : _latest is { Epochs: > 0 } p
        ? Math.Clamp((p.Epoch - 1 + (p.BatchesPerEpoch == 0 ? 1 : (double)p.Batch / p.BatchesPerEpoch)) / p.Epochs, 0, 1)
        : 0;

    private string Headline => _status.IsFinished() ? $"Training {_status.ToString().ToLowerInvariant()} after {_epochs.Count} epoch(s)"
        : _latest is { Phase: TrainingPhase.Testing } ? "Scoring the test rows"
        : _latest is { } p ? string.Create(CultureInfo.CurrentCulture, $"Epoch {p.Epoch} of {p.Epochs} · batch {p.Batch:N0} of {p.BatchesPerEpoch:N0} · loss {p.Loss:0.0000}")
        : _status == JobStatus.Queued ? "Waiting for a worker" : _status.ToString();

    private string EtaText => _latest?.EstimatedRemaining is { } eta
        ? "ETA " + eta.ToString(eta.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.CurrentCulture)
        : _status.IsFinished() ? "" : "ETA —";

    private string SpeedText => _latest is { SamplesPerSecond: > 0 } p
        ? string.Create(CultureInfo.CurrentCulture, $"{p.SamplesPerSecond:N0} samples/s · elapsed {p.Elapsed:m\\:ss}")
        : "";

    protected override void OnInitialized()
    {
        _status = Status;
        _epochs.AddRange(InitialEpochs);
        _latest = Notifier.Latest(RunId)?.Progress;
        _lossSpec = new ChartSpec("Loss", "Epoch", "Loss",
        [
            new ChartSeries("Training loss", _epochs.Select(e => (object)e.Epoch).ToList(), _epochs.Select(e => (object)e.TrainLoss).ToList(), SeriesKind.LinesAndMarkers),
            new ChartSeries("Validation loss", _epochs.Select(e => (object)e.Epoch).ToList(), _epochs.Select(e => (object)e.ValidationLoss).ToList(), SeriesKind.LinesAndMarkers),
        ], Height: 300);
        _metricSpec = new ChartSpec($"Validation {MetricLabels.Label(Metric)}", "Epoch", MetricLabels.Label(Metric),
        [
            new ChartSeries(MetricLabels.Label(Metric), _epochs.Select(e => (object)e.Epoch).ToList(), _epochs.Select(e => (object)e.MetricOr(Metric)).ToList(), SeriesKind.LinesAndMarkers),
        ], Height: 300, ShowLegend: false);
        Notifier.Changed += OnUpdate;
    }

    private void OnUpdate(RunUpdate update)
    {
        if (update.RunId != RunId) return;
        RefreshFromBackground(async () =>
        {
            if (update.Status != _status) await StatusChanged.InvokeAsync(update.Status);
            _status = update.Status;
            if (update.Progress is { } progress) _latest = progress;
            if (update.Progress?.Completed is { } epoch && _epochs.All(e => e.Epoch != epoch.Epoch))
            {
                var point = EpochPoint.From(epoch);
                _epochs.Add(point);
                object[] x = [point.Epoch];
                if (_lossChart is not null) await _lossChart.ExtendAsync([x, x], [[point.TrainLoss], [point.ValidationLoss]]);
                if (_metricChart is not null) await _metricChart.ExtendAsync([x], [[point.MetricOr(Metric)]]);
            }
            if (update.Status.IsFinished()) await Finished.InvokeAsync(update.Status);
        });
    }

    private void Cancel()
    {
        if (JobId is { } id) _cancelRequested = Queue.Cancel(id);
    }

    public void Dispose() => Notifier.Changed -= OnUpdate;
}

/// <summary>One point of the live curves (from a stored epoch row or a live epoch record).</summary>
public sealed record EpochPoint(int Epoch, double TrainLoss, double ValidationLoss, IReadOnlyDictionary<string, double> Metrics)
{
    public static EpochPoint From(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Epoch, record.TrainLoss, record.ValidationLoss, record.ValidationMetrics);
    }

    public static EpochPoint From(Studio.Data.Models.TrainingEpoch row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Epoch, row.TrainLoss, row.ValidationLoss, ServiceJson.Metrics(row.ValidationMetricsJson));
    }

    public double MetricOr(string name) => Metrics.TryGetValue(name, out var value) ? value : double.NaN;
}
