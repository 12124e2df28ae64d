using System.Globalization;
using Microsoft.AspNetCore.Components;
using Studio.Data.Models;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Service;
using Studio.Web.Components.Charts;

namespace Studio.Web.Components.Pages.Models;

/// <summary>
/// The attention viewer of a sequence run: a customer (searched) and a candidate → the last T events with their
/// weights, the customer's top candidates with the events that drove them, and aggregates. Every model call goes
/// through <see cref="AttentionService"/>, which scores on the thread pool.
/// </summary>
public sealed partial class AttentionPage
{
    [Inject] public required TrainingRunStore Runs { get; init; }
    [Inject] public required AttentionService Attention { get; init; }

    [Parameter] public int RunId { get; set; }

    /// <summary>Opens the viewer on a customer (shareable link).</summary>
    [SupplyParameterFromQuery(Name = "customer")] public string? CustomerQuery { get; set; }

    private TrainingRun? _run;
    private string? _error;
    private int _maxLength;
    private string? _customer;
    private string? _candidate;
    private IReadOnlyList<CandidateExplanation> _top = [];
    private CustomerAttention? _explained;
    private ChartSpec? _timelineChart;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        _run = await Runs.FindAsync(RunId);
        var spec = _run is null ? null : SequenceTrainingService.SpecOf(_run);
        _error = _run is null ? $"Training run {RunId} does not exist."
            : spec is null ? $"{_run.Name} is a {_run.ModelKind} model; the attention viewer shows behaviour-sequence models."
            : _run.CheckpointPath is null ? $"{_run.Name} is {_run.Status} and has no trained model yet."
            : null;
        _maxLength = spec?.Sequence.MaxLength ?? 0;
        if (_error is null && !string.IsNullOrWhiteSpace(CustomerQuery))
        {
            await CustomerChangedAsync(CustomerQuery);
        }
    }

    private async Task<IEnumerable<string>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        try
        {
            return await Attention.CustomersAsync(RunId, text, 20, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            _error = ex.Message;
            return [];
        }
    }

    private async Task CustomerChangedAsync(string? customer)
    {
        _customer = string.IsNullOrWhiteSpace(customer) ? null : customer;
        _explained = null;
        _top = [];
        if (_customer is null) return;
        await WithBusyAsync(async () =>
        {
            _top = await Attention.TopCandidatesAsync(RunId, _customer, count: 10, eventsPerCandidate: 3);
            _candidate = _top.Count > 0 ? _top[0].ItemId : null;
            if (_candidate is not null) await ExplainAsync();
        });
    }

    private Task CandidateChangedAsync(string? candidate)
    {
        _candidate = candidate;
        return candidate is null ? Task.CompletedTask : WithBusyAsync(ExplainAsync);
    }

    private async Task ExplainAsync()
    {
        _explained = await Attention.ExplainAsync(RunId, _customer!, _candidate!);
        _timelineChart = TimelineChart(_explained);
    }

    private async Task WithBusyAsync(Func<Task> work)
    {
        _busy = true;
        _error = null;
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>One bar per history event, oldest left, labelled with its recency, item and event type.</summary>
    internal static ChartSpec TimelineChart(CustomerAttention explained)
    {
        var labels = explained.Events.Select(e => (object)$"{e.Recency}: {e.ItemId} ({e.EventType})").ToList();
        var text = explained.Events.Select(e => $"{e.Timestamp.ToString("g", CultureInfo.CurrentCulture)} · {e.Category} · {e.TimeGap} before").ToList();
        return new ChartSpec(
            $"Attention on the last {explained.Events.Count} events for {explained.CandidateItemId}",
            "event (1 = most recent)",
            "weight",
            [new ChartSeries("weight", labels, explained.Events.Select(e => (object)e.Weight).ToList(), SeriesKind.Bar, Text: text)],
            Height: 320,
            ShowLegend: false,
            YMin: 0);
    }
}
