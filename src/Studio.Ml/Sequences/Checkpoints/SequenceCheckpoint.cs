using System.IO.Compression;
using System.Text.Json;
using Studio.Ml.Checkpoints;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Models;
using Studio.Ml.Sequences.Training;

namespace Studio.Ml.Sequences.Checkpoints;

/// <summary>
/// One zip per sequence model, in the style of <see cref="ModelCheckpoint"/>: <c>manifest.json</c>, <c>spec.json</c>,
/// <c>vocabulary.json</c>, <c>scaling.json</c> (only with customer features) and <c>weights.bin</c>. Loading rebuilds
/// the network from spec and vocabulary and reads the weights, so a loaded model scores identically.
/// </summary>
public static class SequenceCheckpoint
{
    public const int FormatVersion = 1;
    public const string KindPrefix = "Sequence.";
    private const string ManifestEntry = "manifest.json";
    private const string SpecEntry = "spec.json";
    private const string VocabularyEntry = "vocabulary.json";
    private const string ScalingEntry = "scaling.json";
    private const string WeightsEntry = "weights.bin";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place.</summary>
    public static void Save(TrainedSequenceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            WriteJson(zip, ManifestEntry, new CheckpointManifest(FormatVersion, KindPrefix + model.Spec.Model, DateTimeOffset.UtcNow));
            WriteJson(zip, SpecEntry, model.Spec);
            WriteJson(zip, VocabularyEntry, model.Vocabulary);
            if (model.Scaling is not null)
            {
                WriteJson(zip, ScalingEntry, model.Scaling);
            }

            // TorchSharp closes the stream it saves to, so it gets the entry stream itself.
            var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.Fastest).Open();
            model.Network.save(entry);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static TrainedSequenceModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var manifest = ReadJson<CheckpointManifest>(zip, ManifestEntry);
        if (manifest.FormatVersion != FormatVersion || !manifest.ModelKind.StartsWith(KindPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Not a sequence checkpoint of format {FormatVersion}: {manifest.ModelKind} v{manifest.FormatVersion}.");
        }

        var spec = ReadJson<SequenceSpec>(zip, SpecEntry);
        var vocabulary = ReadJson<SequenceVocabulary>(zip, VocabularyEntry);
        var scaling = zip.GetEntry(ScalingEntry) is null ? null : ReadJson<FeatureScaling>(zip, ScalingEntry);
        var network = new BehaviourSequenceModel(TrainedSequenceModel.ShapeOf(vocabulary, scaling), spec);
        try
        {
            using var weights = new MemoryStream();
            using (var entry = (zip.GetEntry(WeightsEntry) ?? throw new InvalidDataException("Checkpoint has no weights.")).Open())
            {
                entry.CopyTo(weights);
            }

            weights.Position = 0;
            network.load(weights);
            network.eval();
            return new TrainedSequenceModel(spec, vocabulary, scaling, network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static void WriteJson<T>(ZipArchive zip, string name, T value)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        JsonSerializer.Serialize(stream, value, Json);
    }

    private static T ReadJson<T>(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"Checkpoint has no {name}.");
        using var stream = entry.Open();
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Checkpoint entry {name} is empty.");
    }
}
