using System.Text.Json;
using Studio.Analysis.Recipes;
using Studio.Data.Storage;

namespace Studio.Analysis.Artifacts;

/// <summary>
/// JSON files kept beside a dataset version (its import report, a fitted encoder) under
/// <c>{DataDir}/artifacts/{datasetId}/</c>. Versions are immutable, so an artifact written once stays valid.
/// </summary>
public sealed class DatasetArtifacts(StudioStorageOptions storage)
{
    public const string ImportReport = "import-report";
    public const string Encoder = "encoder";

    public string PathOf(int datasetId, string name) =>
        Path.Combine(storage.DataDir, "artifacts", datasetId.ToString(System.Globalization.CultureInfo.InvariantCulture), name + ".json");

    public async Task SaveAsync<T>(int datasetId, string name, T value, CancellationToken cancellationToken = default)
    {
        var path = PathOf(datasetId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A unique temporary name: two writers of the same artifact never share a half-written file; the last move wins
        // with a complete one (versions are immutable, so both hold the same content).
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = File.Create(temp))
                await JsonSerializer.SerializeAsync(stream, value, Recipe.Json, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // only still there when writing failed or was cancelled
        }
    }

    public async Task<T?> LoadAsync<T>(int datasetId, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(datasetId, name);
        if (!File.Exists(path)) return default;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Recipe.Json, cancellationToken);
    }
}
