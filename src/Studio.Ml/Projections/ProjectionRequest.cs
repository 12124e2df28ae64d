using System.Globalization;
using Studio.Analysis.Projections;

namespace Studio.Ml.Projections;

/// <summary>Which projection algorithm to run.</summary>
public enum ProjectionMethod
{
    Pca,
    Tsne,
    Umap,
}

/// <summary>
/// One projection job's parameters: the method, output dimensions (2 or 3), the method's spec (null = defaults),
/// and how many rows to score for quality (trustworthiness / k-NN recall at k = 10; all rows up to this many).
/// </summary>
public sealed record ProjectionRequest(
    ProjectionMethod Method,
    int Dimensions = 2,
    TsneSpec? Tsne = null,
    UmapSpec? Umap = null,
    int QualityRows = 2000,
    int QualityK = 10)
{
    /// <summary>The effective spec of the chosen method, with <see cref="Dimensions"/> applied.</summary>
    public TsneSpec EffectiveTsne => (Tsne ?? new TsneSpec()) with { Dimensions = Dimensions };

    public UmapSpec EffectiveUmap => (Umap ?? new UmapSpec()) with { Dimensions = Dimensions };

    /// <summary>A stable text key of everything that changes the result, for caching per model version and parameters.</summary>
    public string CacheKey => Method switch
    {
        ProjectionMethod.Pca => string.Create(CultureInfo.InvariantCulture, $"pca;d={Dimensions}"),
        ProjectionMethod.Tsne => Key("tsne", EffectiveTsne),
        _ => Key("umap", EffectiveUmap),
    } + string.Create(CultureInfo.InvariantCulture, $";q={QualityRows},{QualityK}");

    private static string Key(string name, object spec) =>
        name + ";" + FormattableString.Invariant($"{spec}");
}

/// <summary>A finished projection: coordinates (rows x dimensions), its quality, and PCA details when the method was PCA.</summary>
public sealed record ProjectionResult(ProjectionRequest Request, PointMatrix Coordinates, ProjectionQuality Quality, TimeSpan Elapsed, PcaResult? Pca);
