using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Experiments.Input;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>Loads the committed datasets and scipy/statsmodels reference values (see reference/make_reference.py).</summary>
internal static class ReferenceData
{
    public const double Tolerance = 1e-6;

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Experiments", "reference");

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, $"reference_{name}.json")));
        return document.RootElement.Clone();
    }

    public static ExperimentLog Log(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, $"dataset_{name}.csv"));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        return new ExperimentLogBuilder(name)
            .WithUnitIds(rows.Select(r => r[0]))
            .WithVariants(rows.Select(r => r[1]))
            .WithAssignedAt(rows.Select(r => DateTimeOffset.Parse(r[2], CultureInfo.InvariantCulture)))
            .WithConverted(rows.Select(r => (double?)double.Parse(r[3], CultureInfo.InvariantCulture)))
            .WithRevenue(rows.Select(r => (double?)double.Parse(r[4], CultureInfo.InvariantCulture)))
            .WithPreCovariate(rows.Select(r => (double?)double.Parse(r[5], CultureInfo.InvariantCulture)))
            .WithSegment("country", rows.Select(r => (string?)r[6]))
            .Build();
    }

    public static Dictionary<string, double> Split(JsonElement reference) =>
        reference.GetProperty("split").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

    public static double D(this JsonElement e, string property) => e.GetProperty(property).GetDouble();

    /// <summary>Absolute tolerance 1e-6, relative for magnitudes above 1.</summary>
    public static void Close(double expected, double actual, string what)
    {
        var tolerance = Tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)} (diff {Math.Abs(expected - actual):E2})");
    }
}
