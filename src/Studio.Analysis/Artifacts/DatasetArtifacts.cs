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
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
            await JsonSerializer.SerializeAsync(stream, value, Recipe.Json, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<T?> LoadAsync<T>(int datasetId, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(datasetId, name);
        if (!File.Exists(path)) return default;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Recipe.Json, cancellationToken);
    }
}
