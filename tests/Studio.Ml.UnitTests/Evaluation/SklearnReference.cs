using System.Text.Json;

namespace Studio.Ml.UnitTests.Evaluation;

/// <summary>Inputs and expected values written by reference/make_reference.py (scikit-learn 1.2.1).</summary>
internal static class SklearnReference
{
    public const double Tolerance = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", "reference", "metrics.json"))));

    public static JsonElement Section(string name) => Document.Value.RootElement.GetProperty(name);

    public static double Number(this JsonElement element, string name) => element.GetProperty(name).GetDouble();

    public static double[] Numbers(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static bool[] Flags(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetInt32() == 1).ToArray();

    public static int[] Integers(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[][] Rows(this JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();

    public static void Close(double expected, double actual) => Assert.InRange(actual, expected - Tolerance, expected + Tolerance);

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i]);
        }
    }
}
