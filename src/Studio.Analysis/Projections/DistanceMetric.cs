namespace Studio.Analysis.Projections;

/// <summary>Distance between original vectors.</summary>
public enum DistanceMetric
{
    Euclidean,

    /// <summary>1 - cos(angle); a zero vector is at distance 1 from everything.</summary>
    Cosine,
}
