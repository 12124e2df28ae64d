namespace Studio.Analysis.Segments;

/// <summary>What a segment looks like against its base (every customer of its dataset version).</summary>
public sealed record SegmentProfile(
    int Size,
    int BaseSize,
    double Share,
    SpendSummary? Spend,
    IReadOnlyList<NumericComparison> Numeric,
    IReadOnlyList<CategoryBreakdown> Categories,
    ScoreHistogram? Propensity);

/// <summary>Sum and mean of a spend column in the segment, and the segment's share of the base's total.</summary>
public sealed record SpendSummary(string Column, double Sum, double Mean, double BaseMean, double ShareOfTotal);

/// <summary>A numeric attribute's mean in the segment and the base; <see cref="EffectSize"/> = (mean − base mean) / base SD.</summary>
public sealed record NumericComparison(string Column, double SegmentMean, double BaseMean, double EffectSize, int SegmentMissing);

/// <summary>The most common values of a categorical attribute in the segment, with their share in the base.</summary>
public sealed record CategoryBreakdown(string Column, IReadOnlyList<CategoryShare> Top);

public sealed record CategoryShare(string Value, int Count, double Share, double BaseShare)
{
    /// <summary>Share in the segment over share in the base (1 = as common as anywhere).</summary>
    public double Lift => BaseShare > 0 ? Share / BaseShare : double.NaN;
}

/// <summary>Counts of scores per bin ([edge i, edge i+1), last bin closed) in the segment and the base.</summary>
public sealed record ScoreHistogram(IReadOnlyList<double> Edges, IReadOnlyList<int> Segment, IReadOnlyList<int> Base,
    double SegmentMean, double BaseMean, int SegmentScored);
