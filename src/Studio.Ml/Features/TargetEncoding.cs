using System.Globalization;
using Studio.Analysis.ModelEncoding;
using Studio.Ml.Training;

namespace Studio.Ml.Features;

/// <summary>
/// How the target becomes numbers: class labels to indices (binary: positive = 1), or a regression target
/// standardized with the training mean and deviation (predictions are mapped back).
/// </summary>
public sealed record TargetEncoding(
    string Column,
    PredictionTask Task,
    IReadOnlyList<string> Classes,
    double Mean = 0,
    double StandardDeviation = 1)
{
    public int OutputCount => Task == PredictionTask.MultiClass ? Classes.Count : 1;

    /// <summary>Encoded targets; missing or unknown labels give NaN.</summary>
    public float[] Encode(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Task == PredictionTask.Regression)
        {
            return table.Numeric(Column).Select(v => v is { } d ? (float)((d - Mean) / StandardDeviation) : float.NaN).ToArray();
        }

        var index = Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (float)p.i, StringComparer.Ordinal);
        return table.AsLabels(Column).Select(l => l is not null && index.TryGetValue(l, out var i) ? i : float.NaN).ToArray();
    }

    public double Decode(float standardized) => (standardized * StandardDeviation) + Mean;

    public static TargetEncoding Fit(TrainingSpec spec, FeatureTable table, IReadOnlyList<int> trainRows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(trainRows);
        if (spec.Task == PredictionTask.Regression)
        {
            var values = table.Numeric(spec.TargetColumn);
            var scaler = NumericScaler.Fit(spec.TargetColumn, trainRows.Select(r => values[r]), indicatorWanted: false);
            return new TargetEncoding(spec.TargetColumn, spec.Task, [], scaler.Mean, scaler.StandardDeviation);
        }

        var labels = table.AsLabels(spec.TargetColumn);
        var classes = trainRows.Select(r => labels[r]).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (spec.Task == PredictionTask.Binary)
        {
            if (classes.Count != 2)
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"A binary target needs exactly 2 labels in the training split; \"{spec.TargetColumn}\" has {classes.Count}."));
            }

            var positive = spec.PositiveClass ?? classes.FirstOrDefault(IsConventionalPositive) ?? classes[1];
            if (!classes.Contains(positive))
            {
                throw new InvalidOperationException($"The positive class \"{positive}\" does not occur in \"{spec.TargetColumn}\".");
            }

            classes = [classes.First(c => c != positive), positive];
        }

        return new TargetEncoding(spec.TargetColumn, spec.Task, classes);
    }

    private static bool IsConventionalPositive(string label) =>
        label is "1" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE";
}
