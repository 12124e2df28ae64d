using Studio.Analysis.Projections;

namespace Studio.TestData;

/// <summary>Seeded isotropic Gaussian blobs (like sklearn's make_blobs: centres uniform in [-10, 10]^d, unit std).</summary>
internal static class GaussianBlobs
{
    public static (PointMatrix Points, int[] Labels) Generate(int rows, int dims, int centres, int seed, double std = 1.0)
    {
        var random = new Random(seed);
        var centre = new double[centres * dims];
        for (var i = 0; i < centre.Length; i++) centre[i] = random.NextDouble() * 20 - 10;
        var values = new double[rows * dims];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = i % centres;
            labels[i] = c;
            for (var d = 0; d < dims; d++) values[i * dims + d] = centre[c * dims + d] + std * Gaussian(random);
        }
        return (new PointMatrix(rows, dims, values), labels);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
