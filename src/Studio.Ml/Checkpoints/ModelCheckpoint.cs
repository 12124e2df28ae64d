using System.IO.Compression;
using System.Text.Json;
using Studio.Ml.Features;
using Studio.Ml.Models;
using Studio.Ml.Training;

namespace Studio.Ml.Checkpoints;

/// <summary>
/// One zip file per model: <c>manifest.json</c>, <c>spec.json</c>, <c>encoder.json</c> and <c>weights.bin</c>
/// (TorchSharp's module format). Loading rebuilds the network from the spec and encoder, then reads the weights,
/// so a loaded model scores bit-identically to the saved one.
/// </summary>
public static class ModelCheckpoint
{
    public const int FormatVersion = 1;
    private const string ManifestEntry = "manifest.json";
    private const string SpecEntry = "spec.json";
    private const string EncoderEntry = "encoder.json";
    private const string WeightsEntry = "weights.bin";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so readers never see half a file.</summary>
    public static void Save(TrainedModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WriteJson(zip, ManifestEntry, new CheckpointManifest(FormatVersion, model.Spec.Model.Kind.ToString(), DateTimeOffset.UtcNow));
            WriteJson(zip, SpecEntry, model.Spec);
            WriteJson(zip, EncoderEntry, model.Encoder);
            // TorchSharp closes the stream it saves to.
            var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.Fastest).Open();
            model.Network.save(entry);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static TrainedModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var manifest = ReadJson<CheckpointManifest>(zip, ManifestEntry);
        if (manifest.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"Checkpoint format {manifest.FormatVersion} is not supported (expected {FormatVersion}).");
        }

        var spec = ReadJson<TrainingSpec>(zip, SpecEntry);
        var encoder = ReadJson<FeatureEncoder>(zip, EncoderEntry);
        var network = ModelFactory.Create(spec, encoder);
        try
        {
            using var weights = new MemoryStream();
            using (var entry = Entry(zip, WeightsEntry).Open())
            {
                entry.CopyTo(weights);
            }

            weights.Position = 0;
            network.load(weights);
            network.eval();
            return new TrainedModel(spec, encoder, network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The spec alone, without building the network (for listings and the registry).</summary>
    public static TrainingSpec ReadSpec(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        return ReadJson<TrainingSpec>(zip, SpecEntry);
    }

    private static void WriteJson<T>(ZipArchive zip, string name, T value)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        JsonSerializer.Serialize(stream, value, Json);
    }

    private static T ReadJson<T>(ZipArchive zip, string name)
    {
        using var stream = Entry(zip, name).Open();
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Checkpoint entry {name} is empty.");
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"Checkpoint has no {name}.");
}

public sealed record CheckpointManifest(int FormatVersion, string ModelKind, DateTimeOffset CreatedAt);
