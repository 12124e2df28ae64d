using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Studio.Data.Storage;

namespace Studio.Data.Projections;

/// <summary>
/// A projection's files under <c>{DataDir}/projections/p{id}/</c>: <c>coordinates.f32</c> (little-endian float32,
/// rows x dimensions, row-major: what the browser draws as is), <c>keys.txt</c> (one entity key per line) and
/// <c>meta.json</c>. Written into a temporary folder and moved into place, so a reader never sees half a result.
/// </summary>
public sealed class ProjectionFiles(StudioStorageOptions storage)
{
    public const string CoordinatesFile = "coordinates.f32";
    public const string KeysFile = "keys.txt";
    public const string MetaFile = "meta.json";

    public string Root => Path.Combine(storage.DataDir, "projections");

    public string FolderFor(int projectionId) => Path.Combine(Root, "p" + projectionId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes all three files atomically and returns the folder.</summary>
    public string WriteAtomically(int projectionId, float[] coordinates, IReadOnlyList<string> keys, string metaJson)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(metaJson);
        var folder = FolderFor(projectionId);
        var temp = folder + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(temp);
        try
        {
            File.WriteAllBytes(Path.Combine(temp, CoordinatesFile), MemoryMarshal.AsBytes(coordinates.AsSpan()).ToArray());
            // A newline inside a key would break the one-per-line format; keys are ids and labels, so flatten it.
            File.WriteAllLines(Path.Combine(temp, KeysFile), keys.Select(k => k.ReplaceLineEndings(" ")), Encoding.UTF8);
            File.WriteAllText(Path.Combine(temp, MetaFile), metaJson, Encoding.UTF8);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(temp, folder);
            return folder;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    public static bool IsComplete(string? folder) =>
        folder is not null && File.Exists(Path.Combine(folder, CoordinatesFile)) && File.Exists(Path.Combine(folder, KeysFile));

    /// <summary>The raw float32 bytes, exactly as the browser's Float32Array reads them.</summary>
    public static Task<byte[]> ReadCoordinateBytesAsync(string folder, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(Path.Combine(folder, CoordinatesFile), cancellationToken);

    public static async Task<float[]> ReadCoordinatesAsync(string folder, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadCoordinateBytesAsync(folder, cancellationToken);
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public static async Task<IReadOnlyList<string>> ReadKeysAsync(string folder, CancellationToken cancellationToken = default) =>
        await File.ReadAllLinesAsync(Path.Combine(folder, KeysFile), Encoding.UTF8, cancellationToken);

    public void Delete(int projectionId)
    {
        var folder = FolderFor(projectionId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
