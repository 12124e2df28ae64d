using System.Text.Json;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.UnitTests.Experiments;

/// <summary>Warnings and refusals that keep a bad readout from driving a decision.</summary>
public class DecisionProtectionTests
{
    private static readonly ExperimentAnalyzer Analyzer = new();

    /// <summary>2,000 units per arm; <paramref name="spenders"/> of them spend 10 + their index, the rest 0.</summary>
    private static ExperimentLog SparseSpend(int spenders, double? whale = null)
    {
        var variants = new List<string>();
        var spend = new List<double?>();
        foreach (var arm in new[] { "control", "treatment" })
        {
            for (var i = 0; i < 2000; i++)
            {
                variants.Add(arm);
                spend.Add(i < spenders ? 10 + i : 0);
            }
        }

        if (whale is { } w) spend[^1] = w;
        return new ExperimentLogBuilder("sparse").WithUnitIds(variants.Select((v, i) => $"P{i:D5}")).WithVariants(variants).WithOutcome("spend", spend).Build();
    }

    [Fact]
    public void Analyze_Percentile99OnColumnThatIsZeroFor99Point5Percent_RefusedWithSuggestion()
    {
        var spec = new ExperimentSpec("sparse", "control") { Metrics = [new MetricSpec("spend", MetricKind.Mean)], Winsorization = new WinsorizationSpec(99) };
        var analysis = Analyzer.TryAnalyze(SparseSpend(10), spec);
        Assert.Null(analysis.Readout);
        var issue = Assert.Single(analysis.Issues, i => i.Code == IssueCode.WinsorizationMakesConstant);
        Assert.Equal("spend", issue.Column);
        // 3,980 of 4,000 values are 0: the cap is above 0 only for percentiles above 100 * 3979 / 3999 = 99.5 %.
        Assert.Contains("caps it at 0, the value of 99.5 % of units", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Choose a percentile above 99.5, e.g. 99.8", issue.Message, StringComparison.Ordinal);

        var suggested = Analyzer.TryAnalyze(SparseSpend(10), spec with { Winsorization = new WinsorizationSpec(99.8) });
        Assert.NotNull(suggested.Readout);
        Assert.True(suggested.Readout.Winsorization!.Caps["spend"][0] > 0);
    }

    [Fact]
    public void Analyze_ConstantPrimaryMetric_BlocksShippingAndJsonHasNoNonFiniteNumbers()
    {
        var spec = new ExperimentSpec("sparse", "control") { Metrics = [new MetricSpec("spend", MetricKind.Mean)] };
        var readout = Analyzer.Analyze(SparseSpend(0), spec);
        Assert.Contains(readout.DataQuality, i => i.Code == IssueCode.ConstantMetric && i.Column == "spend");
        Assert.False(readout.CanShip);
        Assert.Contains(readout.ShipBlockers, b => b.Contains("Primary metric spend could not be tested", StringComparison.Ordinal));
        var json = JsonSerializer.Serialize(readout, ExperimentJson.Options);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.Contains("\"pValue\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OneExtremeUnit_HeavyTailAndOutlierWarningsNameIt()
    {
        var spec = new ExperimentSpec("sparse", "control") { Metrics = [new MetricSpec("spend", MetricKind.Mean)] };
        var readout = Analyzer.Analyze(SparseSpend(400, whale: 50_000), spec);
        var sdRatio = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.HeavyTail && i.Message.Contains("larger in variant 'treatment'", StringComparison.Ordinal));
        Assert.Equal("P03999", sdRatio.UnitId);
        Assert.Contains("unit 'P03999' (50000)", sdRatio.Message, StringComparison.Ordinal);
        var outlier = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.OutlierDominance);
        Assert.Equal("treatment", outlier.Variant);
        Assert.Contains("'P03999' (row 4000)", outlier.Message, StringComparison.Ordinal);

        var calm = Analyzer.Analyze(SparseSpend(400), spec);
        Assert.DoesNotContain(calm.DataQuality, i => i.Code == IssueCode.OutlierDominance || (i.Code == IssueCode.HeavyTail && i.Message.Contains("standard deviation", StringComparison.Ordinal)));
    }

    [Fact]
    public void MappingFromJson_UnknownMember_Refused()
    {
        var ok = ExperimentMapping.FromJson("""{"unitId":null,"variant":"version","assignedAt":null,"metrics":[{"column":"retention_1","kind":"Proportion","role":"Primary"}]}""");
        Assert.Equal("retention_1", Assert.Single(ok.Metrics).Column);
        Assert.Empty(ok.Validate());
        var e = Assert.Throws<JsonException>(() => ExperimentMapping.FromJson("""{"variant":"v","metrics":[],"converted":"c"}"""));
        Assert.Contains("converted", e.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => ExperimentOptions.FromJson("""{"srmTreshold":0.01}"""));
        Assert.Equal(0.01, ExperimentOptions.FromJson("""{"srmThreshold":0.01}""").SrmThreshold);
        Assert.Contains(new ExperimentOptions(SrmThreshold: 1.5).Validate(), p => p.Field == "options.srmThreshold");
    }
}
