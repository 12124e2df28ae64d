namespace Studio.Ml.Projections.Attributes;

/// <summary>An attribute a projection's points can be coloured, sized or described by.</summary>
/// <param name="Id">Stable id: <c>col:{datasetId}:{column}</c>, <c>sum:{datasetId}:{column}</c>, <c>count:{datasetId}</c> or <c>score:{scoreSetId}</c>.</param>
public sealed record AttributeOption(string Id, string Label, bool Numeric);

/// <summary>One value per projection point (aligned with its keys): labels for categories, numbers (NaN = missing) for numeric attributes.</summary>
public sealed record AttributeValues(AttributeOption Option, IReadOnlyList<string?>? Labels, IReadOnlyList<double>? Numbers);
