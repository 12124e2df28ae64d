using System.Runtime.CompilerServices;
using Studio.Analysis.Export;
using Studio.Data.Datasets;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Ml.Service;

/// <summary>
/// Scores as CSV, one line per dataset row in storage order: the key column, the chosen input columns (with their
/// stored types, so the file imports back as they were), then the score (binary: P(positive); multi-class: class and
/// its probability; regression: value) and the decile when asked. Text is formula-escaped like every Studio CSV.
/// </summary>
public static class ScoreCsv
{
    public static async Task WriteAsync(string path, IReadOnlyList<DatasetColumn> columns, IAsyncEnumerable<object?[]> rows,
        Predictions predictions, bool deciles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(predictions);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var positionOfRow = new Dictionary<int, int>(predictions.Rows.Count);
        for (var i = 0; i < predictions.Rows.Count; i++) positionOfRow[predictions.Rows[i]] = i;
        var decileOf = deciles ? Deciles(predictions.Scores) : null;
        string[] scoreHeader = predictions.Task switch
        {
            PredictionTask.MultiClass => ["predicted_class", "probability"],
            PredictionTask.Regression => ["prediction"],
            _ => ["score"],
        };
        List<string> header = [.. columns.Count == 0 ? ["row"] : columns.Select(c => c.Name), .. scoreHeader, .. deciles ? ["decile"] : Array.Empty<string>()];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await CsvExport.WriteAsync(file, header, Lines(columns.Count == 0 ? null : rows, predictions, positionOfRow, decileOf, cancellationToken),
            new CsvExportOptions(), cancellationToken);
    }

    /// <summary>1 for the highest tenth of scores … 10 for the lowest; ties broken by row order.</summary>
    public static int[] Deciles(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var result = new int[scores.Count];
        for (var rank = 0; rank < order.Length; rank++) result[order[rank]] = 1 + (int)((long)rank * 10 / order.Length);
        return result;
    }

    private static async IAsyncEnumerable<object?[]> Lines(IAsyncEnumerable<object?[]>? rows, Predictions predictions,
        Dictionary<int, int> positionOfRow, int[]? decileOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (rows is null)
        {
            for (var row = 0; row < predictions.Rows.Count; row++) yield return [(long)predictions.Rows[row], .. ScoreCells(predictions, row, decileOf)];
            yield break;
        }
        var index = 0;
        await foreach (var values in rows.WithCancellation(cancellationToken))
        {
            // A row the model could not score keeps its key and inputs, with empty score cells, rather than vanishing.
            object?[] score = positionOfRow.TryGetValue(index++, out var at)
                ? ScoreCells(predictions, at, decileOf)
                : new object?[(predictions.Task == PredictionTask.MultiClass ? 2 : 1) + (decileOf is null ? 0 : 1)];
            yield return [.. values, .. score];
        }
    }

    private static object?[] ScoreCells(Predictions predictions, int at, int[]? decileOf)
    {
        object?[] score = predictions.Task == PredictionTask.MultiClass
            ? [predictions.Classes[(int)predictions.Scores[at]], predictions.ClassProbabilities![at].Max()]
            : [predictions.Scores[at]];
        return decileOf is null ? score : [.. score, (long)decileOf[at]];
    }
}
