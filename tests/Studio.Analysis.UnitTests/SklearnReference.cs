using System.Text.Json;
using Studio.Analysis.Projections;

namespace Studio.Analysis.UnitTests;

/// <summary>Numbers computed by scikit-learn (reference/make_sklearn_reference.py) for a fixed small example.</summary>
internal static class SklearnReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "sklearn_reference.json"))).RootElement);

    public static JsonElement Section(string name) => Root.Value.GetProperty(name);

    public static int[] Ints(JsonElement element) => element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static PointMatrix Matrix(JsonElement element) =>
        PointMatrix.FromRows(element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToList());
}
