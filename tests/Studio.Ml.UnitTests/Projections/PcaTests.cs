using System.Text.Json;
using Studio.Analysis.Projections;
using Studio.Ml.Projections;
using Studio.TestData;

namespace Studio.Ml.UnitTests.Projections;

public sealed class PcaTests
{
    private static readonly JsonElement Reference =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "pca_reference.json"))).RootElement;

    [Fact]
    public void Fit_FixedMatrix_MatchesNumpySvdTo1e5()
    {
        var data = Doubles("data");
        var rows = Reference.GetProperty("rows").GetInt32();
        var columns = Reference.GetProperty("columns").GetInt32();
        var k = Reference.GetProperty("components").GetInt32();

        var pca = Pca.Fit(new PointMatrix(rows, columns, data), k);

        AssertClose(Doubles("axes"), pca.Components, 1e-5);
        AssertClose(Doubles("explained_variance"), pca.ExplainedVariance, 1e-5);
        AssertClose(Doubles("explained_variance_ratio"), pca.ExplainedVarianceRatio, 1e-5);
        AssertClose(Doubles("coordinates"), pca.Coordinates.Values.ToArray(), 1e-5);
    }

    [Fact]
    public void Fit_Blobs_AgreesWithIndependentJacobiPca()
    {
        var (points, _) = GaussianBlobs.Generate(1000, 12, 4, seed: 3);
        var torch = Pca.Fit(points, 2);
        var jacobi = PrincipalAxes.Project(points, 2);
        AssertClose(jacobi.Values.ToArray(), torch.Coordinates.Values.ToArray(), 1e-6);
        Assert.True(torch.ExplainedVarianceRatio[0] >= torch.ExplainedVarianceRatio[1]);
        Assert.InRange(torch.ExplainedVarianceRatio.Sum(), 0.0, 1.0);
    }

    [Fact]
    public void Fit_TooManyComponents_Throws()
    {
        var (points, _) = GaussianBlobs.Generate(10, 3, 1, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(points, 4));
    }

    private static double[] Doubles(string name) => Reference.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst:E2} exceeds {tolerance:E0}");
    }
}
