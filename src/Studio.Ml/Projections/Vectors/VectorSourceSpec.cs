namespace Studio.Ml.Projections.Vectors;

/// <summary>Where a run's vectors come from.</summary>
public enum VectorSourceKind
{
    /// <summary>A categorical field's learned table: one vector per category (customer_id, category, region…).</summary>
    EmbeddingTable,

    /// <summary>The model's last hidden layer over the run's dataset rows, one vector per value of its id column.</summary>
    HiddenLayer,
}

/// <summary>Which vectors of a training run to load. <paramref name="Field"/> names the categorical field of an
/// <see cref="VectorSourceKind.EmbeddingTable"/>; it is ignored (null) for <see cref="VectorSourceKind.HiddenLayer"/>.</summary>
public sealed record VectorSourceSpec(int TrainingRunId, VectorSourceKind Kind, string? Field = null)
{
    /// <summary>A stable text key ("embedding:region", "hidden") for caches and URLs.</summary>
    public string Key => Kind == VectorSourceKind.EmbeddingTable ? "embedding:" + Field : "hidden";

    /// <summary>Parses <see cref="Key"/> back; null when it is not a known source key.</summary>
    public static VectorSourceSpec? FromKey(int trainingRunId, string? key) => key switch
    {
        "hidden" => new VectorSourceSpec(trainingRunId, VectorSourceKind.HiddenLayer),
        not null when key.StartsWith("embedding:", StringComparison.Ordinal) && key.Length > "embedding:".Length =>
            new VectorSourceSpec(trainingRunId, VectorSourceKind.EmbeddingTable, key["embedding:".Length..]),
        _ => null,
    };
}

/// <summary>A source a run offers, for pickers: how many entities and how wide their vectors are.</summary>
/// <param name="EntityLabel">What one point is: the field name of an embedding table, the id column for the hidden layer.</param>
/// <param name="Title">Human label, e.g. "Embedding of region (4 × 3)".</param>
public sealed record VectorSourceInfo(VectorSourceSpec Spec, string EntityLabel, string Title, int Count, int Dimensions);
