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

    public static void Save(TrainedSequenceModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckpointArchive.WriteAtomically(path, zip =>
        {
            CheckpointArchive.WriteJson(zip, ManifestEntry, new CheckpointManifest(FormatVersion, KindPrefix + model.Spec.Model, DateTimeOffset.UtcNow));
            CheckpointArchive.WriteJson(zip, SpecEntry, model.Spec);
            CheckpointArchive.WriteJson(zip, VocabularyEntry, model.Vocabulary);
            if (model.Scaling is not null)
            {
                CheckpointArchive.WriteJson(zip, ScalingEntry, model.Scaling);
            }

            CheckpointArchive.WriteWeights(zip, model.Network);
        });
    }

    public static TrainedSequenceModel Load(string path)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var manifest = CheckpointArchive.ReadJson<CheckpointManifest>(zip, ManifestEntry);
        if (manifest.FormatVersion != FormatVersion || !manifest.ModelKind.StartsWith(KindPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Not a sequence checkpoint of format {FormatVersion}: {manifest.ModelKind} v{manifest.FormatVersion}.");
        }

        var spec = CheckpointArchive.ReadJson<SequenceSpec>(zip, SpecEntry);
        var vocabulary = CheckpointArchive.ReadJson<SequenceVocabulary>(zip, VocabularyEntry);
        var scaling = zip.GetEntry(ScalingEntry) is null ? null : CheckpointArchive.ReadJson<FeatureScaling>(zip, ScalingEntry);
        var network = new BehaviourSequenceModel(TrainedSequenceModel.ShapeOf(vocabulary, scaling), spec);
        try
        {
            CheckpointArchive.ReadWeights(zip, network);
            return new TrainedSequenceModel(spec, vocabulary, scaling, network);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }
}
