using System.Globalization;
using Studio.Data.Storage;
using Studio.Ml.Evaluation;

namespace Studio.Ml.Service;

/// <summary>Where a run's files live under <c>{DataDir}/models/</c>, and the stored test predictions.</summary>
public sealed class RunFiles(StudioStorageOptions storage)
{
    public string CheckpointPath(int runId) =>
        Path.Combine(storage.ModelsDir, "run-" + runId.ToString(CultureInfo.InvariantCulture) + ".zip");

    public string PredictionsPath(int runId) =>
        Path.Combine(storage.ModelsDir, "run-" + runId.ToString(CultureInfo.InvariantCulture) + "-test-predictions.json");

    public string ScoresPath(int modelId, int datasetId) =>
        Path.Combine(storage.ModelsDir, "scores", string.Create(CultureInfo.InvariantCulture,
            $"model-{modelId}-dataset-{datasetId}-{DateTime.UtcNow:yyyyMMddHHmmss}.csv"));

    public static void WritePredictions(Predictions predictions, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ServiceJson.Serialize(predictions));
    }

    public static Predictions ReadPredictions(string path) => ServiceJson.Deserialize<Predictions>(File.ReadAllText(path));
}
