using System.IO.Compression;
using System.Text.Json;
using TorchSharp;

namespace Studio.Ml.Checkpoints;

/// <summary>
/// The zip mechanics every checkpoint kind shares: atomic writes (temporary file, then move), JSON entries and
/// TorchSharp weights.
/// </summary>
internal static class CheckpointArchive
{
    private const string WeightsEntry = "weights.bin";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it into place, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, Action<ZipArchive> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var file = File.Create(temporary))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            write(zip);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void WriteJson<T>(ZipArchive zip, string name, T value)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        JsonSerializer.Serialize(stream, value, Json);
    }

    public static T ReadJson<T>(ZipArchive zip, string name)
    {
        using var stream = Entry(zip, name).Open();
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Checkpoint entry {name} is empty.");
    }

    public static void WriteWeights(ZipArchive zip, torch.nn.Module network)
    {
        // TorchSharp closes the stream it saves to, so it gets the entry stream itself.
        var entry = zip.CreateEntry(WeightsEntry, CompressionLevel.Fastest).Open();
        network.save(entry);
    }

    /// <summary>Loads the weights into <paramref name="network"/> and switches it to evaluation mode.</summary>
    public static void ReadWeights(ZipArchive zip, torch.nn.Module network)
    {
        using var weights = new MemoryStream();
        using (var entry = Entry(zip, WeightsEntry).Open())
        {
            entry.CopyTo(weights);
        }

        weights.Position = 0;
        network.load(weights);
        network.eval();
    }

    public static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"Checkpoint has no {name}.");
}
