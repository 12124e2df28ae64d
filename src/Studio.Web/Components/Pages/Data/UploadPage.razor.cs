using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Studio.Analysis.Artifacts;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Jobs;
using Studio.Data.Storage;
using Studio.Web.Api;
using Studio.Web.Workspaces;

namespace Studio.Web.Components.Pages.Data;

/// <summary>
/// Upload in two steps: the browser streams the file to <c>POST api/uploads</c> (progress, ETA, cancel), then the
/// analyst names it, gives it a role and imports it as a background job.
/// </summary>
public sealed partial class UploadPage : IAsyncDisposable
{
    private const string InputId = "studio-upload-input";

    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required UploadStore Uploads { get; init; }
    [Inject] public required JobQueue Jobs { get; init; }
    [Inject] public required JobNotifier Notifier { get; init; }
    [Inject] public required WorkspaceState Workspace { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required IDatasetImporter Importer { get; init; }
    [Inject] public required DatasetArtifacts Artifacts { get; init; }

    private enum Stage { Idle, Uploading, Uploaded, Importing, Done, Failed }

    private Stage _stage = Stage.Idle;
    private ChosenFile? _file;
    private StoredUpload? _upload;
    private long _uploaded;
    private long _total;
    private string _eta = "";
    private long _uploadStarted;
    private string _name = "";
    private DatasetRole _role = DatasetRole.Table;
    private JobSnapshot? _job;
    private int? _datasetId;
    private string? _error;
    private ImportPreview? _preview;
    private IReadOnlyList<ColumnOverride> _overrides = [];
    private bool _keepUpload;
    private IReadOnlyList<string>? _missingTokens;
    private string? _sheet;
    private BadValuePolicy _badValues = BadValuePolicy.Fail;
    private ImportReport? _report;
    private DotNetObjectReference<UploadPage>? _self;

    private bool Busy => _stage is Stage.Uploading or Stage.Importing;
    private double UploadPercent => _total > 0 ? 100.0 * _uploaded / _total : 0;
    private long MaxMegabytes => Uploads.MaxBytes / (1024 * 1024);

    protected override async Task OnInitializedAsync()
    {
        Notifier.Changed += OnJobChanged;
        if (Workspace.Current is null) await Workspace.LoadAsync();
    }

    private async Task ChooseFile() => await Js.InvokeVoidAsync("studio.clickElement", InputId);

    private async Task OnFileChosen(ChangeEventArgs _)
    {
        _file = await Js.InvokeAsync<ChosenFile?>("studio.chosenFile", InputId);
        if (_file is null) return;
        _error = null;
        _datasetId = null;
        _upload = null;
        _preview = null;
        _overrides = [];
        _missingTokens = null;
        _sheet = null;
        _badValues = BadValuePolicy.Fail;
        _report = null;
        _name = GuessName(_file.Name);
        _role = GuessRole(_file.Name);
        _stage = Stage.Uploading;
        _uploaded = 0;
        _total = _file.Size;
        _uploadStarted = Time.GetTimestamp();
        _self ??= DotNetObjectReference.Create(this);
        StateHasChanged();

        var result = await Js.InvokeAsync<UploadResult>("studio.uploadFile", TimeSpan.FromHours(2), InputId, _self, Workspace.Current?.Id);
        if (result.Ok)
        {
            var dto = JsonSerializer.Deserialize<UploadsApi.UploadDto>(result.Body, JsonSerializerOptions.Web)!;
            _upload = Uploads.Find(dto.UploadId);
            _stage = Stage.Uploaded;
            await SniffAsync();
        }
        else
        {
            _stage = Stage.Failed;
            _error = result.Status == -1 ? "Upload cancelled; nothing was kept." : ProblemText(result.Body);
        }
    }

    /// <summary>Reads only the head of the file: the analyst confirms encoding, delimiter and types before the import.</summary>
    private async Task SniffAsync()
    {
        if (_upload is null) return;
        try
        {
            _preview = await Importer.SniffAsync(_upload.Path, _upload.FileName, choices: new ImportChoices { MissingTokens = _missingTokens, Sheet = _sheet });
            _stage = Stage.Uploaded;
            _error = null;
        }
        catch (DataImportException e)
        {
            _stage = Stage.Failed;
            _error = e.Message;
        }
    }

    /// <summary>The analyst changed the missing-value tokens: types are inferred again with them (overrides start over).</summary>
    private async Task ReadAgainAsync(IReadOnlyList<string> tokens)
    {
        _missingTokens = tokens;
        _overrides = [];
        await SniffAsync();
    }

    private async Task ReadSheetAsync(string sheet)
    {
        _sheet = sheet;
        _overrides = [];
        await SniffAsync();
    }

    [JSInvokable]
    public Task OnUploadProgress(long loaded, long total)
    {
        _uploaded = loaded;
        _total = total;
        var elapsed = Time.GetElapsedTime(_uploadStarted);
        if (loaded > 0 && elapsed.TotalSeconds > 0.5)
        {
            var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds * (total - loaded) / loaded);
            _eta = string.Create(CultureInfo.CurrentCulture, $"about {remaining:m\\:ss} left");
        }
        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task CancelUpload() => await Js.InvokeVoidAsync("studio.cancelUpload", InputId);

    private async Task StartImport()
    {
        if (_upload is null || Workspace.Current is null) return;
        _error = null;
        _stage = Stage.Importing;
        if (_keepUpload) Uploads.Keep(_upload.Id);
        var choices = new ImportChoices { MissingTokens = _missingTokens, BadValues = _badValues, Sheet = _sheet };
        var id = await Jobs.EnqueueAsync(ImportsApi.ImportJob(Workspace.Current.Id, _upload, _name.Trim(), _role,
            _overrides.Count == 0 ? null : _overrides, choices));
        _job = Notifier.Find(id);
    }

    private void CancelImport()
    {
        if (_job is not null) Jobs.Cancel(_job.Id);
    }

    private void OnJobChanged(JobSnapshot snapshot)
    {
        if (_job is null || snapshot.Id != _job.Id) return;
        RefreshFromBackground(async () =>
        {
            _job = snapshot;
            if (!snapshot.Status.IsFinished()) return;
            if (snapshot.Status == JobStatus.Succeeded)
            {
                _stage = Stage.Done;
                _datasetId = DatasetIdFrom(snapshot.ResultJson);
                if (_datasetId is { } id) _report = await Artifacts.LoadAsync<ImportReport>(id, DatasetArtifacts.ImportReport);
            }
            else
            {
                _stage = Stage.Failed;
                _error = snapshot.Error ?? snapshot.Message;
            }
        });
    }

    private static int? DatasetIdFrom(string? resultJson)
    {
        if (resultJson is null) return null;
        using var json = JsonDocument.Parse(resultJson);
        return json.RootElement.TryGetProperty("datasetId", out var id) ? id.GetInt32() : null;
    }

    private static string ProblemText(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("detail", out var detail)) return detail.GetString() ?? body;
        }
        catch (JsonException)
        {
            // Not a problem document; show the text itself.
        }
        return string.IsNullOrWhiteSpace(body) ? "The upload failed." : body;
    }

    private static string GuessName(string fileName)
    {
        var name = fileName;
        foreach (var ext in new[] { ".gz", ".csv", ".tsv", ".txt", ".xlsx" })
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) name = name[..^ext.Length];
        return name;
    }

    private static DatasetRole GuessRole(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        return lower.Contains("customer", StringComparison.Ordinal) ? DatasetRole.Customers
            : lower.Contains("product", StringComparison.Ordinal) ? DatasetRole.Products
            : lower.Contains("event", StringComparison.Ordinal) ? DatasetRole.Events
            : lower.Contains("offer", StringComparison.Ordinal) || lower.Contains("campaign", StringComparison.Ordinal) ? DatasetRole.Offers
            : lower.Contains("experiment", StringComparison.Ordinal) ? DatasetRole.Experiments
            : DatasetRole.Table;
    }

    internal static string RoleLabel(DatasetRole role) => role switch
    {
        DatasetRole.Offers => "Campaign / offer log",
        DatasetRole.Experiments => "Experiment log",
        DatasetRole.Table => "Plain table",
        _ => role.ToString(),
    };

    private static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:N1} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024.0):N1} MB"),
    };

    public async ValueTask DisposeAsync()
    {
        Notifier.Changed -= OnJobChanged;
        if (_stage == Stage.Uploading)
        {
            try
            {
                await Js.InvokeVoidAsync("studio.cancelUpload", InputId);
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the server drops the partial upload when the request aborts.
            }
        }
        _self?.Dispose();
    }

    private sealed record ChosenFile(string Name, long Size);

    private sealed record UploadResult(bool Ok, int Status, string Body);
}
