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

    public static void Save(TrainedModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckpointArchive.WriteAtomically(path, zip =>
        {
            CheckpointArchive.WriteJson(zip, ManifestEntry, new CheckpointManifest(FormatVersion, model.Spec.Model.Kind.ToString(), DateTimeOffset.UtcNow));
            CheckpointArchive.WriteJson(zip, SpecEntry, model.Spec);
            CheckpointArchive.WriteJson(zip, EncoderEntry, model.Encoder);
            CheckpointArchive.WriteWeights(zip, model.Network);
        });
    }

    public static TrainedModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var manifest = CheckpointArchive.ReadJson<CheckpointManifest>(zip, ManifestEntry);
        if (manifest.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"Checkpoint format {manifest.FormatVersion} is not supported (expected {FormatVersion}).");
        }

        var spec = CheckpointArchive.ReadJson<TrainingSpec>(zip, SpecEntry);
        var encoder = CheckpointArchive.ReadJson<FeatureEncoder>(zip, EncoderEntry);
        var network = ModelFactory.Create(spec, encoder);
        try
        {
            CheckpointArchive.ReadWeights(zip, network);
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
        return CheckpointArchive.ReadJson<TrainingSpec>(zip, SpecEntry);
    }
}

public sealed record CheckpointManifest(int FormatVersion, string ModelKind, DateTimeOffset CreatedAt);
