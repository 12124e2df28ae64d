using System.Globalization;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Experiments.Validation;
using Studio.Data.Experiments;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>The demo experiment log imported into SQLite and analysed through a stored definition.</summary>
public class StoredExperimentTests : StudioTestBase
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Studio.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    private async Task<StoredExperimentAnalysis> AnalyzeDemoAsync(string experiment, string control, IReadOnlyDictionary<string, double>? split = null)
    {
        var path = Studio.WriteFile("experiments.csv", await File.ReadAllBytesAsync(RepoFile("sample-datasets", "retail-demo", "experiments.csv")));
        var imported = await Studio.ImportAsync(path);
        var columns = imported.Dataset.Columns.Select(c => c.Name).ToList();
        var mapping = MappingSuggester.Suggest(columns) with { ExperimentValue = experiment };
        var definition = await Studio.Get<ExperimentRepository>().AddAsync(new ExperimentDefinition
        {
            WorkspaceId = Studio.WorkspaceId,
            Name = experiment,
            DatasetId = imported.Dataset.Id,
            DatasetVersion = imported.Dataset.Version,
            MappingJson = mapping.ToJson(),
            ControlVariant = control,
            IntendedSplitJson = split is null ? null : System.Text.Json.JsonSerializer.Serialize(split),
            SpecOptionsJson = new ExperimentOptions().ToJson(),
        });
        return await Studio.Get<StoredExperimentAnalyzer>().AnalyzeAsync(definition);
    }

    [Fact]
    public async Task SummaryUpload_PerArmTotalsFile_MatchesTheStatsmodelsReference()
    {
        // The per-arm totals of reference/make_reference_metrics.py as an analyst would upload them: one row per arm.
        var path = Studio.WriteFile("arm-totals.csv",
            "variant,n,converted,spend,spend_sd\ncontrol,20311,2103,12.41,41.7\ntreatment,20154,2262,13.02,44.9\n");
        var imported = await Studio.ImportAsync(path);
        var mapping = new ExperimentMapping(UnitId: null, Variant: "variant", AssignedAt: null,
            Metrics: [new MappedMetric("converted", MetricKind.Proportion), new MappedMetric("spend", MetricKind.Mean, Spread: "spend_sd")],
            Shape: InputShape.ArmTotals, Units: "n");
        var definition = await Studio.Get<ExperimentRepository>().AddAsync(new ExperimentDefinition
        {
            WorkspaceId = Studio.WorkspaceId,
            Name = "totals upload",
            DatasetId = imported.Dataset.Id,
            DatasetVersion = imported.Dataset.Version,
            MappingJson = mapping.ToJson(),
            ControlVariant = "control",
            SpecOptionsJson = new ExperimentOptions().ToJson(),
        });

        var readout = (await Studio.Get<StoredExperimentAnalyzer>().AnalyzeAsync(definition)).Readout!;

        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Experiments", "reference", "reference_metrics.json")));
        var reference = document.RootElement.GetProperty("totals");
        var converted = readout.Comparison("treatment", "converted")!;
        var spend = readout.Comparison("treatment", "spend")!;
        ReferenceData.Close(reference.GetProperty("converted").D("z"), converted.Test.Statistic, "converted z");
        ReferenceData.Close(reference.GetProperty("converted").D("p"), converted.Test.PValue, "converted p");
        ReferenceData.Close(reference.GetProperty("converted").D("adjusted_p"), converted.AdjustedPValue, "converted Holm p");
        ReferenceData.Close(reference.GetProperty("spend").D("t"), spend.Test.Statistic, "spend t");
        ReferenceData.Close(reference.GetProperty("spend").D("p"), spend.Test.PValue, "spend p");
        ReferenceData.Close(reference.GetProperty("spend").D("df"), spend.Test.DegreesOfFreedom, "spend Welch df");
        ReferenceData.Close(reference.D("srm_p"), readout.Srm.PValue, "SRM p");
    }

    [Fact]
    public async Task ResultsCsv_ImportsBack_SameNumbersAndEscapedNameRestored()
    {
        var readout = (await AnalyzeDemoAsync("checkout_redesign", "control")).Readout!;
        readout = readout with { Spec = readout.Spec with { Name = "=checkout \"redesign\", 2026" } };
        var csv = ResultsCsvWriter.Write(readout);
        Assert.StartsWith("\"'=checkout", csv.Split('\n')[1], StringComparison.Ordinal);

        var back = (await Studio.ImportAsync(Studio.WriteFile("results.csv", csv))).Dataset;
        var columns = back.Columns.OrderBy(c => c.Ordinal).ToList();
        var rows = await Studio.ReadRowsAsync(back);
        object? Cell(int row, string name) => rows[row][columns.FindIndex(c => c.Name == name)];

        Assert.Equal(readout.Comparisons.Count, rows.Count);
        Assert.Equal(Core.Datasets.ColumnType.Decimal, columns.Single(c => c.Name == "p_value").Type);
        Assert.Equal(Core.Datasets.ColumnType.Boolean, columns.Single(c => c.Name == "significant").Type);
        for (var i = 0; i < rows.Count; i++)
        {
            var c = readout.Comparisons[i];
            Assert.Equal(readout.ExperimentName, Cell(i, "experiment"));
            Assert.Equal((c.Treatment, c.Control, c.Metric.ToString()), (Cell(i, "treatment"), Cell(i, "control"), Cell(i, "metric")));
            Assert.Equal(c.TreatmentValue, Cell(i, "treatment_value"));
            Assert.Equal(c.AbsoluteLift.Low, Cell(i, "absolute_low"));
            Assert.Equal(c.Test.PValue, Cell(i, "p_value"));
            Assert.Equal(c.Significant, Cell(i, "significant"));
        }
    }

    [Fact]
    public void Suggest_DemoColumns_MapsEveryRole()
    {
        var mapping = MappingSuggester.Suggest(["customer_id", "experiment", "variant", "assigned_at", "pre_period_spend", "converted", "revenue"]);
        Assert.Equal(("customer_id", "variant", "assigned_at", "pre_period_spend", "experiment"),
            (mapping.UnitId, mapping.Variant, mapping.AssignedAt, mapping.PreCovariate, mapping.ExperimentColumn));
        Assert.Equal([new MappedMetric("converted", MetricKind.Proportion), new MappedMetric("revenue", MetricKind.Mean)], mapping.Metrics);
    }

    [Fact]
    public async Task Analyze_DemoHealthyExperiment_PlantedLiftsInside95PercentIntervals()
    {
        var analysis = await AnalyzeDemoAsync("checkout_redesign", "control");
        var readout = Assert.IsType<Studio.Analysis.Experiments.Readout.ExperimentReadout>(analysis.Readout);
        Assert.False(readout.SrmFlagged);
        Assert.Equal(["control", "variant_a", "variant_b"], readout.Arms.Select(a => a.Variant).Order(StringComparer.Ordinal));
        var truth = File.ReadAllLines(RepoFile("sample-datasets", "retail-demo", "truth", "experiment_effects.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[0] == "checkout_redesign" && f[3] == "all")
            .ToList();
        Assert.Equal(4, truth.Count);
        foreach (var f in truth)
        {
            var metric = f[2] == "conversion" ? "converted" : "revenue";
            var lift = double.Parse(f[6], CultureInfo.InvariantCulture);
            var comparison = readout.Comparison(f[1], metric)!;
            Assert.True(comparison.AbsoluteLift.Contains(lift), $"{f[1]} {metric}: true lift {lift} outside {comparison.AbsoluteLift}");
        }
    }

    [Fact]
    public async Task Analyze_DemoMismatchedExperiment_FlagsSampleRatioMismatchAndBlocksShipping()
    {
        var analysis = await AnalyzeDemoAsync("free_shipping_banner", "control");
        var readout = analysis.Readout!;
        Assert.True(readout.SrmFlagged);
        Assert.True(readout.Srm.PValue < 0.001);
        Assert.False(readout.CanShip);
    }

    [Fact]
    public async Task Analyze_FilterValueWithNoRows_RefusedWithMessageNamingTheFilter()
    {
        var analysis = await AnalyzeDemoAsync("no_such_test", "control");
        Assert.Null(analysis.Readout);
        var issue = Assert.Single(analysis.Issues);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("experiment = 'no_such_test'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_FromSegmentMembers_WritesOnlyThoseUnitsWithTheHoldoutTakenFromThem()
    {
        var path = Studio.WriteFile("customers.csv", await File.ReadAllBytesAsync(RepoFile("sample-datasets", "retail-demo", "customers.csv")));
        var customers = (await Studio.ImportAsync(path)).Dataset;
        var tables = Studio.Get<Studio.Data.Datasets.DatasetTableStore>();
        var idColumn = customers.Columns.Single(c => c.Name == "customer_id");
        var all = new List<string>();
        await foreach (var row in tables.ReadAllAsync(customers.TableName, [idColumn])) all.Add((string)row[0]!);
        var members = all.Where((_, i) => i % 4 == 1).Take(1094).ToHashSet(StringComparer.Ordinal);
        var design = new ExperimentDesign(customers.Id, "customer_id", [new DesignArm("control", 1), new DesignArm("treatment", 1)], 0.1, 42, "segment assignment", members, "bargain hunters");

        var written = await Studio.Get<ExperimentDesigner>().AssignAsync(design);

        Assert.Equal(1094, written.RowCount);
        var units = new List<string>();
        var variants = new List<string>();
        var columns = written.Columns.OrderBy(c => c.Ordinal).ToList();
        await foreach (var row in tables.ReadAllAsync(written.TableName, columns))
        {
            units.Add((string)row[0]!);
            variants.Add((string)row[1]!);
        }

        Assert.True(units.ToHashSet(StringComparer.Ordinal).SetEquals(members));
        // The power panel sizes floor(1094 * 0.9 / 2) = 492 per arm; the list has 109 holdout, 492 control, 493 treatment.
        Assert.Equal([("control", 492), ("holdout", 109), ("treatment", 493)], variants.GroupBy(v => v).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Studio.Get<ExperimentDesigner>().AssignAsync(design with { UnitColumn = "region" }));
        Assert.Contains("No value of column 'region' in dataset 'customers' is a member of segment 'bargain hunters'", e.Message, StringComparison.Ordinal);
    }
}
