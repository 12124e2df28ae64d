using Studio.Ml.Training;

namespace Studio.Ml.Evaluation;

/// <summary>
/// Model outputs for a set of rows, with the targets when known. Binary: <see cref="Scores"/> is P(positive);
/// multi-class: the predicted class index, with <see cref="ClassProbabilities"/>; regression: the predicted value.
/// <see cref="Targets"/>: binary 0/1, multi-class class index, regression value; NaN when the row has no target.
/// </summary>
public sealed record Predictions(
    PredictionTask Task,
    IReadOnlyList<string> Classes,
    IReadOnlyList<int> Rows,
    double[] Scores,
    double[][]? ClassProbabilities,
    double[] Targets)
{
    public IReadOnlyList<bool> BinaryLabels => Targets.Select(t => t > 0.5).ToArray();

    public IReadOnlyList<int> ClassLabels => Targets.Select(t => (int)t).ToArray();

    /// <summary>The subset at the given positions (0..Count-1), keeping row numbers.</summary>
    public Predictions Subset(IReadOnlyList<int> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return this with
        {
            Rows = positions.Select(p => Rows[p]).ToArray(),
            Scores = positions.Select(p => Scores[p]).ToArray(),
            ClassProbabilities = ClassProbabilities is null ? null : positions.Select(p => ClassProbabilities[p]).ToArray(),
            Targets = positions.Select(p => Targets[p]).ToArray(),
        };
    }
}
