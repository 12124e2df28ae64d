using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.UnitTests.Export;

/// <summary>Writes an export to a file, imports it through the real importer and compares it with what was exported.</summary>
internal static class RoundTrip
{
    public static async Task<Dataset> ImportAsync(StudioFixture studio, string fileName, byte[] content)
    {
        var path = studio.WriteFile(fileName, content);
        return (await studio.ImportAsync(path)).Dataset;
    }

    /// <summary>Same column names, same types and the same value in every cell, row by row.</summary>
    public static async Task AssertSameAsync(StudioFixture studio, Dataset expected, Dataset actual)
    {
        Assert.Equal(Describe(expected), Describe(actual));
        var expectedRows = await studio.ReadRowsAsync(expected);
        var actualRows = await studio.ReadRowsAsync(actual);
        Assert.Equal(expectedRows.Count, actualRows.Count);
        for (var i = 0; i < expectedRows.Count; i++) Assert.Equal(expectedRows[i], actualRows[i]);
    }

    public static IReadOnlyList<(string Name, ColumnType Type)> Describe(Dataset dataset) =>
        [.. dataset.Columns.OrderBy(c => c.Ordinal).Select(c => (c.Name, c.Type))];
}
