using Microsoft.AspNetCore.Components;
using Studio.Analysis.Segments;
using Studio.Data.Datasets;
using Studio.Data.Segments;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>The rule builder: attribute, propensity and RFM rules with a live count computed off the circuit thread.</summary>
public sealed partial class NewRuleSegmentPage : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required DatasetRepository Datasets { get; init; }
    [Inject] public required SegmentService Segments { get; init; }
    [Inject] public required ScoreSetReader ScoreSets { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "dataset")] public int? RequestedDataset { get; set; }

    private IReadOnlyList<Dataset>? _datasets;
    private IReadOnlyList<ScoreSetChoice> _scoreSets = [];
    private SegmentAttributes? _attributes;
    private readonly List<RuleDraft> _drafts = [];
    private int? _datasetId;
    private int? _scoreSetId;
    private RulePreview? _preview;
    private CancellationTokenSource? _recount;
    private bool _counting;
    private string _name = "";
    private string? _error;
    private bool _creating;

    private IReadOnlyList<AttributeInfo> Attributes => _attributes?.Columns.Where(c => c.Name != _attributes.KeyColumn).ToList() ?? [];
    private IReadOnlyList<RfmDimension> Rfm => _attributes?.Rfm ?? [];
    private bool CanCreate => !_creating && !_counting && _preview is { IsValid: true, Count: > 0 } && !string.IsNullOrWhiteSpace(_name);

    protected override async Task OnInitializedAsync()
    {
        if (Workspace.Current is null) await Workspace.LoadAsync();
        if (Workspace.Current is not { } workspace) { _datasets = []; return; }
        var all = await Datasets.ListAsync(workspace.Id);
        _datasets = [.. CustomerDatasets.Of(all)];
        _scoreSets = await ScoreSets.ListAsync(workspace.Id);
        var initial = _datasets.FirstOrDefault(d => d.Id == RequestedDataset) ?? CustomerDatasets.Default(_datasets);
        if (initial is not null) await DatasetChangedAsync(initial.Id);
    }

    private async Task DatasetChangedAsync(int? datasetId)
    {
        _datasetId = datasetId;
        _attributes = null;
        _drafts.Clear();
        if (datasetId is { } id) _attributes = await Segments.DescribeAsync(id);
        await RecountAsync();
    }

    private Task ScoreSetChangedAsync(int? scoreSetId)
    {
        _scoreSetId = scoreSetId;
        return RecountAsync();
    }

    private Task AddAsync(RuleKind kind)
    {
        _drafts.Add(new RuleDraft { Kind = kind, Min = kind == RuleKind.Propensity ? 0.5 : null, Max = kind == RuleKind.Propensity ? 1.0 : null });
        return RecountAsync();
    }

    private Task RemoveAsync(RuleDraft draft)
    {
        _drafts.Remove(draft);
        return RecountAsync();
    }

    /// <summary>The definition, or the problems of unfinished drafts.</summary>
    private (SegmentDefinition? Definition, IReadOnlyList<string> Problems) Build()
    {
        if (_datasetId is not { } datasetId) return (null, ["Choose a customers dataset version."]);
        var rules = new List<SegmentRule>();
        var problems = new List<string>();
        for (var i = 0; i < _drafts.Count; i++)
        {
            var rule = _drafts[i].ToRule(Attributes.FirstOrDefault(a => a.Name == _drafts[i].Column));
            if (rule is null) problems.Add($"Rule {i + 1}: choose a column.");
            else rules.Add(rule);
        }
        return (problems.Count == 0 ? new SegmentDefinition(datasetId, rules, _scoreSetId) : null, problems);
    }

    private async Task RecountAsync()
    {
        _error = null;
        // Cancel the previous count and take its place without yielding: an await here let several edits interleave,
        // and one disposed the source of a count still running (ObjectDisposedException, circuit down). The old
        // sources are not disposed, as a count may still read their token; they hold no timer or handle.
        var previous = _recount;
        var cancel = _recount = new CancellationTokenSource();
        var token = cancel.Token;
        previous?.Cancel();
        var (definition, problems) = Build();
        if (definition is null)
        {
            (_preview, _counting) = (new RulePreview(0, _attributes?.RowCount ?? 0, problems), false);
            return;
        }
        _counting = true;
        try
        {
            await Task.Delay(Debounce, token);
            _preview = await Segments.PreviewAsync(definition, token);
            _counting = false;
        }
        catch (OperationCanceledException)
        {
            // A newer edit is counting.
        }
    }

    private async Task CreateAsync()
    {
        var (definition, problems) = Build();
        if (definition is null || Workspace.Current is null) { _error = string.Join(" ", problems); return; }
        _creating = true;
        try
        {
            var id = await Segments.CreateFromRulesAsync(Workspace.Current.Id, _name, definition);
            Navigation.NavigateTo($"segments/{id}");
        }
        catch (SegmentValidationException e)
        {
            _error = e.Message;
        }
        finally
        {
            _creating = false;
        }
    }

    public void Dispose()
    {
        _recount?.Cancel();
        _recount?.Dispose();
    }
}
