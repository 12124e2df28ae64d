using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Studio.Data.Storage;

/// <summary>
/// Raw uploads, streamed to disk under <c>{DataDir}/uploads/{id}/</c> and never modified afterwards. A partial
/// upload (cancelled, too large, connection lost) is deleted, so nothing half-written stays behind.
/// Retention: an upload is deleted after a successful import unless the analyst keeps it (<see cref="Keep"/>);
/// what is neither imported nor kept when the app starts is an orphan (<see cref="SweepOrphans"/>).
/// Quotas: one upload is at most <see cref="MaxBytesKey"/>; the uploads a workspace holds at once at most
/// <see cref="MaxWorkspaceBytesKey"/>.
/// </summary>
public sealed class UploadStore(StudioStorageOptions options, IConfiguration configuration)
{
    public const string MaxBytesKey = "Studio:MaxUploadBytes";
    public const string MaxWorkspaceBytesKey = "Studio:Uploads:MaxWorkspaceBytes";
    public const long DefaultMaxBytes = 1L << 30;
    public const long DefaultMaxWorkspaceBytes = 10L << 30;
    private const int BufferSize = 1 << 20;

    public long MaxBytes => configuration.GetValue(MaxBytesKey, DefaultMaxBytes);
    public long MaxWorkspaceBytes => configuration.GetValue(MaxWorkspaceBytesKey, DefaultMaxWorkspaceBytes);

    public Task<StoredUpload> SaveAsync(Stream content, string fileName, IProgress<long>? progress, CancellationToken cancellationToken) =>
        SaveAsync(content, fileName, null, progress, cancellationToken);

    /// <exception cref="UploadTooLargeException">The file passes the per-upload limit or the workspace's quota.</exception>
    public async Task<StoredUpload> SaveAsync(Stream content, string fileName, int? workspaceId, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safeName = SafeFileName(fileName);
        var (limit, quotaLimited) = LimitFor(workspaceId);
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(options.UploadsDir, id);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, safeName);
        try
        {
            long total = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > limit) throw TooLarge(safeName, workspaceId, quotaLimited);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(total);
                }
            }
            File.SetAttributes(path, FileAttributes.ReadOnly);
            WriteManifest(id, new UploadManifest(workspaceId, Kept: false));
            return new StoredUpload(id, safeName, path, total, workspaceId, Kept: false);
        }
        catch
        {
            Delete(id);
            throw;
        }
    }

    /// <summary>The most a new upload may hold: the per-upload limit, or less when the workspace is near its quota.</summary>
    public (long Limit, bool QuotaLimited) LimitFor(int? workspaceId)
    {
        var perUpload = MaxBytes;
        if (workspaceId is null) return (perUpload, false);
        var left = Math.Max(0, MaxWorkspaceBytes - BytesHeldBy(workspaceId.Value));
        return left < perUpload ? (left, true) : (perUpload, false);
    }

    public UploadTooLargeException TooLarge(string fileName, int? workspaceId, bool quotaLimited) =>
        quotaLimited && workspaceId is { } w
            ? new UploadTooLargeException(fileName, MaxWorkspaceBytes, string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: workspace {w} would hold more than its upload quota of {Megabytes(MaxWorkspaceBytes)} ({MaxWorkspaceBytesKey}); {Megabytes(BytesHeldBy(w))} of uploads are kept there. Import or delete kept uploads first."))
            : new UploadTooLargeException(fileName, MaxBytes);

    public long BytesHeldBy(int workspaceId) => All().Where(u => u.WorkspaceId == workspaceId).Sum(u => u.Bytes);

    public StoredUpload? Find(string id)
    {
        if (!IsId(id)) return null;
        var folder = Path.Combine(options.UploadsDir, id);
        if (!Directory.Exists(folder)) return null;
        var file = Directory.EnumerateFiles(folder).FirstOrDefault();
        if (file is null) return null;
        var manifest = ReadManifest(id);
        return new StoredUpload(id, Path.GetFileName(file), file, new FileInfo(file).Length, manifest?.WorkspaceId, manifest?.Kept ?? false);
    }

    /// <summary>Every complete upload on disk.</summary>
    public IReadOnlyList<StoredUpload> All() => !Directory.Exists(options.UploadsDir) ? []
        : [.. Directory.EnumerateDirectories(options.UploadsDir).Select(d => Find(Path.GetFileName(d))).OfType<StoredUpload>()];

    /// <summary>Marks an upload to stay after its import (or un-marks it).</summary>
    /// <returns>False when there is no such upload.</returns>
    public bool Keep(string id, bool keep = true)
    {
        if (Find(id) is not { } upload) return false;
        WriteManifest(id, new UploadManifest(upload.WorkspaceId, keep));
        return true;
    }

    /// <returns>False when there was nothing to delete.</returns>
    public bool Delete(string id)
    {
        if (!IsId(id)) return false;
        var folder = Path.Combine(options.UploadsDir, id);
        var manifest = ManifestPath(id);
        var existed = Directory.Exists(folder) || File.Exists(manifest);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder)) File.SetAttributes(file, FileAttributes.Normal);
            Directory.Delete(folder, recursive: true);
        }
        File.Delete(manifest);
        return existed;
    }

    /// <summary>
    /// Deletes what no import will use: uploads that were not kept (an import deletes its upload when it succeeds,
    /// so these were never imported), folders a crashed upload left without a complete file, and stray manifests.
    /// Run at start, before the server accepts uploads.
    /// </summary>
    public IReadOnlyList<string> SweepOrphans()
    {
        if (!Directory.Exists(options.UploadsDir)) return [];
        var swept = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(options.UploadsDir))
        {
            // Only folders named like our ids (32 lowercase hex digits): leave whatever else someone put there.
            var id = Path.GetFileName(folder);
            if (!IsId(id) || Find(id) is { Kept: true }) continue;
            if (Delete(id)) swept.Add(id);
        }
        foreach (var manifest in Directory.EnumerateFiles(options.UploadsDir, "*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(manifest);
            if (IsId(id) && !Directory.Exists(Path.Combine(options.UploadsDir, id)) && Delete(id)) swept.Add(id);
        }
        return swept;
    }

    private static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private string ManifestPath(string id) => Path.Combine(options.UploadsDir, id + ".json");

    private void WriteManifest(string id, UploadManifest manifest) =>
        File.WriteAllText(ManifestPath(id), JsonSerializer.Serialize(manifest));

    private UploadManifest? ReadManifest(string id)
    {
        var path = ManifestPath(id);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<UploadManifest>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):N0} MB");

    internal static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(ch => invalid.Contains(ch) || char.IsControl(ch) ? '_' : ch).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = "upload.csv";
        return name.Length > 200 ? name[..200] : name;
    }

    private sealed record UploadManifest(int? WorkspaceId, bool Kept);
}

/// <param name="WorkspaceId">The workspace it was uploaded into, when the uploader said so (counts against its quota).</param>
/// <param name="Kept">Stays after its import.</param>
public sealed record StoredUpload(string Id, string FileName, string Path, long Bytes, int? WorkspaceId = null, bool Kept = false);

public sealed class UploadTooLargeException : IOException
{
    public UploadTooLargeException(string fileName, long limit)
        : this(fileName, limit, string.Create(CultureInfo.InvariantCulture,
            $"{fileName}: the file is larger than the upload limit of {UploadStore.Megabytes(limit)} ({UploadStore.MaxBytesKey})."))
    {
    }

    public UploadTooLargeException(string fileName, long limit, string message) : base(message)
    {
        FileName = fileName;
        Limit = limit;
    }

    public string FileName { get; }
    public long Limit { get; }
}
