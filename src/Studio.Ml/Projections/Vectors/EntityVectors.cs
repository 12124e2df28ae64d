using Studio.Analysis.Projections;

namespace Studio.Ml.Projections.Vectors;

/// <summary>
/// Vectors of named entities: row i of <paramref name="Vectors"/> belongs to <paramref name="Keys"/>[i] (unique).
/// </summary>
/// <param name="EntityLabel">What a key identifies: the categorical field ("region") or the dataset's id column ("customer_id").</param>
/// <param name="DatasetId">The dataset whose values the keys are (the run's dataset); null when unknown.</param>
public sealed record EntityVectors(string EntityLabel, IReadOnlyList<string> Keys, PointMatrix Vectors, int? DatasetId)
{
    public int Count => Keys.Count;
}
