using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Studio.Data.Datasets;
using Studio.Data.Segments;

namespace Studio.Web.Components.Pages.Projections;

public sealed partial class SelectionPanel
{
    [Inject] public required SegmentStore Segments { get; init; }

    [Parameter] public IReadOnlyList<string> Selected { get; set; } = [];
    [Parameter] public int WorkspaceId { get; set; }
    /// <summary>The dataset keyed by the points' entity whose rows a segment from the selection holds; null: none.</summary>
    [Parameter] public Dataset? MemberDataset { get; set; }
    [Parameter] public int ProjectionId { get; set; }
    [Parameter] public string? EntityLabel { get; set; }

    private string _name = "";
    private string? _message;
    private bool _failed;
    private bool _saving;
    private int? _createdId;

    private bool CanCreateSegment => MemberDataset is not null;

    protected override void OnParametersSet()
    {
        if (string.IsNullOrEmpty(_name) && Selected.Count > 0)
            _name = string.Create(CultureInfo.CurrentCulture, $"Projection {ProjectionId} selection {DateTime.Now:HH:mm}");
    }

    private async Task CreateAsync()
    {
        _saving = true;
        try
        {
            var definition = JsonSerializer.Serialize(new { projectionId = ProjectionId, selected = Selected.Count });
            var id = await Segments.CreateFromMembersAsync(WorkspaceId, _name, SegmentSource.Selection, definition, MemberDataset!.Id, Selected, CancellationToken.None);
            _createdId = id;
            (_failed, _message) = (false, string.Create(CultureInfo.CurrentCulture, $"Segment \"{_name.Trim()}\" created with {Selected.Distinct().Count():N0} members (#{id})."));
            _name = "";
        }
        catch (SegmentValidationException ex)
        {
            (_failed, _message, _createdId) = (true, ex.Message, null);
        }
        finally
        {
            _saving = false;
        }
    }
}
