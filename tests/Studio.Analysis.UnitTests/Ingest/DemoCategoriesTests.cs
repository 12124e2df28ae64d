using Studio.Analysis.Export;
using Studio.Analysis.Segments;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Ingest;

/// <summary>
/// The demo's <c>none</c> loyalty tier and <c>none</c> offer are values, not missing: counts from the committed files
/// (pandas with <c>keep_default_na=False</c>: tier none 2,060 of 5,000; offer none 1,951 of 10,008).
/// </summary>
public sealed class DemoCategoriesTests : StudioTestBase
{
    private static string Demo(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "sample-datasets", "retail-demo", file);
    }

    [Fact]
    public async Task DemoCustomers_LoyaltyTierNone_ACategoryInProfileRulesAndExport()
    {
        var result = await Studio.ImportAsync(Studio.WriteFile("customers.csv", await File.ReadAllBytesAsync(Demo("customers.csv"))));
        var tier = result.Dataset.Columns.Single(c => c.Name == "loyalty_tier");
        Assert.Equal(ColumnType.Categorical, tier.Type);
        Assert.Equal(0, tier.MissingCount);

        var profile = await Studio.Profiler.ProfileAsync(result.Dataset, result.Report);
        var top = profile.Columns.Single(c => c.Name == "loyalty_tier").TopValues;
        Assert.Equal(2060, top.Single(v => v.Value == "none").Count);

        var table = CustomerTableLoader.Read(Studio.Tables, result.Dataset, CancellationToken.None);
        var picked = RuleEvaluator.Evaluate(new SegmentDefinition(result.Dataset.Id, [new CategoryInRule("loyalty_tier", ["none"])]), table, null);
        Assert.Equal(2060, picked.Count(p => p));

        var columns = result.Dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        using var csv = new MemoryStream();
        await CsvExport.WriteAsync(csv, [.. columns.Select(c => c.Name)], Studio.Tables.ReadAllAsync(result.Dataset.TableName, columns),
            new CsvExportOptions());
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2060, lines.Skip(1).Count(l => l.Split(',')[tier.Ordinal] == "none"));
    }

    [Fact]
    public async Task DemoOffers_OfferNone_StaysAValue()
    {
        var result = await Studio.ImportAsync(Studio.WriteFile("offers.csv", await File.ReadAllBytesAsync(Demo("offers.csv"))));
        var offer = result.Dataset.Columns.Single(c => c.Name == "offer");
        Assert.Equal(0, offer.MissingCount);
        var rows = await Studio.ReadRowsAsync(result.Dataset);
        Assert.Equal(1951, rows.Count(r => (string?)r[offer.Ordinal] == "none"));
        Assert.Equal(10_008, rows.Count);
    }
}
