using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Studio.Data.Storage;

/// <summary>
/// Raw uploads, streamed to disk under <c>{DataDir}/uploads/{id}/</c> and never modified afterwards. A partial
/// upload (cancelled, too large, connection lost) is deleted, so nothing half-written stays behind.
/// </summary>
public sealed class UploadStore(StudioStorageOptions options, IConfiguration configuration)
{
    public const string MaxBytesKey = "Studio:MaxUploadBytes";
    public const long DefaultMaxBytes = 1L << 30;
    private const int BufferSize = 1 << 20;

    public long MaxBytes => configuration.GetValue(MaxBytesKey, DefaultMaxBytes);

    public async Task<StoredUpload> SaveAsync(Stream content, string fileName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var safeName = SafeFileName(fileName);
        var id = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(options.UploadsDir, id);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, safeName);
        var limit = MaxBytes;
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
                    if (total > limit)
                        throw new UploadTooLargeException(safeName, limit);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(total);
                }
            }
            File.SetAttributes(path, FileAttributes.ReadOnly);
            return new StoredUpload(id, safeName, path, total);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public StoredUpload? Find(string id)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower)) return null;
        var folder = Path.Combine(options.UploadsDir, id);
        if (!Directory.Exists(folder)) return null;
        var file = Directory.EnumerateFiles(folder).FirstOrDefault();
        return file is null ? null : new StoredUpload(id, Path.GetFileName(file), file, new FileInfo(file).Length);
    }

    internal static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Select(ch => invalid.Contains(ch) || char.IsControl(ch) ? '_' : ch).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = "upload.csv";
        return name.Length > 200 ? name[..200] : name;
    }
}

public sealed record StoredUpload(string Id, string FileName, string Path, long Bytes);

public sealed class UploadTooLargeException(string fileName, long limit)
    : IOException(string.Create(CultureInfo.InvariantCulture,
        $"{fileName}: the file is larger than the upload limit of {limit / (1024.0 * 1024.0):N0} MB ({MaxBytesKeyText})."))
{
    private const string MaxBytesKeyText = UploadStore.MaxBytesKey;
    public string FileName { get; } = fileName;
    public long Limit { get; } = limit;
}
