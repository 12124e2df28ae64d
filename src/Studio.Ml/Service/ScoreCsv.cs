using System.Globalization;
using System.Text;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>Scores as CSV: the row key, then the score (binary: P(positive); multi-class: class and its probability; regression: value).</summary>
public static class ScoreCsv
{
    public static async Task WriteAsync(string path, string keyName, IReadOnlyList<string?>? keys, Predictions predictions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var header = predictions.Task switch
        {
            PredictionTask.MultiClass => "predicted_class,probability",
            PredictionTask.Regression => "prediction",
            _ => "score",
        };
        await writer.WriteLineAsync($"{Quote(keyName)},{header}".AsMemory(), cancellationToken);
        for (var i = 0; i < predictions.Scores.Length; i++)
        {
            var row = predictions.Rows[i];
            var key = keys is null ? row.ToString(CultureInfo.InvariantCulture) : Quote(keys[row] ?? "");
            var value = predictions.Task == PredictionTask.MultiClass
                ? Quote(predictions.Classes[(int)predictions.Scores[i]]) + "," + predictions.ClassProbabilities![i].Max().ToString("R", CultureInfo.InvariantCulture)
                : predictions.Scores[i].ToString("R", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync($"{key},{value}".AsMemory(), cancellationToken);
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
