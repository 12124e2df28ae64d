using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Validation;

namespace Studio.Analysis.UnitTests.Experiments;

public class ValidationMessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ExperimentAnalyzer Analyzer = new();

    /// <summary>n units per listed variant, alternating, one hour apart, every 4th converting with revenue 10.</summary>
    private static List<ExperimentRow> Rows(int perArm, params string[] variants) =>
        [.. Enumerable.Range(0, perArm * variants.Length).Select(i => new ExperimentRow(
            $"u{i}", variants[i % variants.Length], T0.AddHours(i), i % 4 == 0 ? 1 : 0, i % 4 == 0 ? 10.0 + i % 7 : 0, 5.0 + i % 3))];

    private static ExperimentLog Log(IEnumerable<ExperimentRow> rows) => ExperimentLogBuilder.FromRows("checkout-test", rows);

    private static ExperimentValidationException Refused(ExperimentLog log, ExperimentSpec spec) =>
        Assert.Throws<ExperimentValidationException>(() => Analyzer.Analyze(log, spec));

    [Fact]
    public void Analyze_VariantWithZeroUnits_RefusesNamingVariant()
    {
        var spec = new ExperimentSpec("checkout-test", "control", new Dictionary<string, double> { ["control"] = 1, ["treatment"] = 1, ["ghost"] = 1 });
        var error = Refused(Log(Rows(20, "control", "treatment")), spec);
        var issue = Assert.Single(error.Errors);
        Assert.Equal(IssueCode.ZeroUnitVariant, issue.Code);
        Assert.Equal("ghost", issue.Variant);
        Assert.Contains("'checkout-test'", issue.Message);
        Assert.Contains("variant 'ghost' has zero units", issue.Message);
        Assert.Contains("checkout-test", error.Message);
    }

    [Fact]
    public void Analyze_MissingRevenueByDefault_RefusesWithCountRowAndUnit()
    {
        var rows = Rows(20, "control", "treatment");
        rows[2] = rows[2] with { Revenue = null };
        rows[9] = rows[9] with { Revenue = null };
        var error = Refused(Log(rows), new ExperimentSpec("checkout-test", "control"));
        var issue = Assert.Single(error.Errors);
        Assert.Equal(IssueCode.MissingOutcomes, issue.Code);
        Assert.Equal(ExperimentColumns.Revenue, issue.Column);
        Assert.Equal(2, issue.Count);
        Assert.Equal(3, issue.Row);
        Assert.Equal("u2", issue.UnitId);
        Assert.Contains("column revenue has 2 missing value(s), first at row 3 (unit 'u2', variant 'control')", issue.Message);
        Assert.Contains("'control': 1, 'treatment': 1", issue.Message);
    }

    [Fact]
    public void Analyze_MissingRevenueWithExcludeRows_ExcludesAndCountsThem()
    {
        var rows = Rows(20, "control", "treatment");
        rows[2] = rows[2] with { Revenue = null };
        rows[9] = rows[9] with { Converted = null, Revenue = null };
        var readout = Analyzer.Analyze(Log(rows), new ExperimentSpec("checkout-test", "control") { MissingOutcomes = MissingOutcomePolicy.ExcludeRows });
        Assert.Equal(2, readout.RowsExcluded);
        Assert.Equal(38, readout.RowsAnalysed);
        Assert.Equal(19, readout.Arms[0].Units);
        Assert.Equal(19, readout.Arms[1].Units);
        var excluded = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.RowsExcluded);
        Assert.Contains("2 row(s) with a missing outcome", excluded.Message);
        Assert.All(readout.DataQuality, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Analyze_NonBinaryConversion_RefusesWithValueAndRow()
    {
        var rows = Rows(20, "control", "treatment");
        rows[3] = rows[3] with { Converted = 2 };
        var issue = Assert.Single(Refused(Log(rows), new ExperimentSpec("checkout-test", "control")).Errors);
        Assert.Equal(IssueCode.NonBinaryConversion, issue.Code);
        Assert.Equal(4, issue.Row);
        Assert.Equal("treatment", issue.Variant);
        Assert.Contains("first at row 4 (unit 'u3', variant 'treatment'): 2.", issue.Message);
    }

    [Fact]
    public void Analyze_SingleArm_Refuses()
    {
        var issue = Assert.Single(Refused(Log(Rows(30, "control")), new ExperimentSpec("checkout-test", "control")).Errors);
        Assert.Equal(IssueCode.SingleArm, issue.Code);
        Assert.Contains("only one arm ('control') has units", issue.Message);
    }

    [Fact]
    public void Analyze_ControlAbsent_RefusesListingPresentVariants()
    {
        var error = Refused(Log(Rows(10, "A", "B")), new ExperimentSpec("checkout-test", "control"));
        var issue = Assert.Single(error.Errors, i => i.Code == IssueCode.ControlVariantMissing);
        Assert.Contains("control variant 'control' has no rows", issue.Message);
        Assert.Contains("'A', 'B'", issue.Message);
    }

    [Fact]
    public void Analyze_UnitInTwoArms_FlagsContaminationAndBlocksShipping()
    {
        var rows = Rows(20, "control", "treatment");
        rows.Add(rows[0] with { Variant = "treatment", AssignedAt = T0.AddDays(3) });
        rows.Add(rows[5] with { Variant = "control", AssignedAt = T0.AddDays(3) });
        var readout = Analyzer.Analyze(Log(rows), new ExperimentSpec("checkout-test", "control"));
        var issue = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.Contamination);
        Assert.Equal(2, issue.Count);
        Assert.Equal(["u0 (row 41, variant 'treatment')", "u5 (row 42, variant 'control')"], issue.Examples);
        Assert.False(readout.CanShip);
        Assert.Contains(readout.ShipBlockers, b => b.Contains("contamination", StringComparison.Ordinal));
        Assert.Equal(42, readout.RowsAnalysed);
    }

    [Fact]
    public void Analyze_ContaminationWithOptIn_ExcludesAllRowsOfThoseUnits()
    {
        var rows = Rows(20, "control", "treatment");
        rows.Add(rows[0] with { Variant = "treatment", AssignedAt = T0.AddDays(3) });
        var readout = Analyzer.Analyze(Log(rows), new ExperimentSpec("checkout-test", "control") { ExcludeContaminatedUnits = true });
        Assert.Equal(2, readout.RowsExcluded);
        Assert.Equal(39, readout.RowsAnalysed);
        Assert.Equal(19, readout.Arms[0].Units);
        Assert.Equal(20, readout.Arms[1].Units);
        Assert.True(readout.CanShip);
        Assert.Contains("were excluded", Assert.Single(readout.DataQuality, i => i.Code == IssueCode.Contamination).Message);
    }

    [Fact]
    public void Analyze_LargeLogWithPlantedContamination_FindsExactlyThoseUnits()
    {
        var synthetic = SyntheticExperiment.Generate(new SyntheticExperimentSpec("big", 200_000,
            [new SyntheticArm("control", 1, 0.1, 10), new SyntheticArm("treatment", 1, 0.1, 10)], Seed: 9));
        var ids = synthetic.UnitIds.ToArray();
        var variants = synthetic.Variants.ToArray();
        var planted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 150_000; planted.Count < 37; i++)
        {
            var source = i - 140_000;
            if (variants[source] == variants[i]) continue;
            ids[i] = ids[source];
            planted.Add(ids[i]);
        }

        var log = new ExperimentLog("big", ids, variants, synthetic.AssignedAt.ToArray(), synthetic.Outcome("converted").ToArray(), synthetic.Outcome("revenue").ToArray());
        var readout = Analyzer.Analyze(log, new ExperimentSpec("big", "control") { ExcludeContaminatedUnits = true });
        var issue = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.Contamination);
        Assert.Equal(37, issue.Count);
        Assert.Equal(74, readout.RowsExcluded);
        Assert.All(issue.Examples!, e => Assert.Contains(e.Split(' ')[0], planted));
    }

    [Fact]
    public void Analyze_SameUnitTwiceInOneArm_Refuses()
    {
        var rows = Rows(20, "control", "treatment");
        rows.Add(rows[4] with { AssignedAt = T0.AddDays(3) });
        var issue = Assert.Single(Refused(Log(rows), new ExperimentSpec("checkout-test", "control")).Errors);
        Assert.Equal(IssueCode.DuplicateUnit, issue.Code);
        Assert.Equal(41, issue.Row);
        Assert.Equal("u4", issue.UnitId);
    }

    [Fact]
    public void Analyze_TimestampsOutOfOrder_FlagsAndMatchesSortedLog()
    {
        var rows = Rows(30, "control", "treatment");
        (rows[10], rows[50]) = (rows[50], rows[10]);
        var log = Log(rows);
        var spec = new ExperimentSpec("checkout-test", "control");
        var readout = Analyzer.Analyze(log, spec);
        var issue = Assert.Single(readout.DataQuality, i => i.Code == IssueCode.TimestampsOutOfOrder);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(12, issue.Row);
        Assert.Equal(2, issue.Count);
        Assert.Contains("not in time order (2 step(s) back in time, first at row 12", issue.Message);

        var sorted = log.SortedByAssignmentTime();
        Assert.True(sorted.AssignedAt.ToArray().SequenceEqual(sorted.AssignedAt.ToArray().Order()));
        var sortedReadout = Analyzer.Analyze(sorted, spec);
        Assert.DoesNotContain(sortedReadout.DataQuality, i => i.Code == IssueCode.TimestampsOutOfOrder);
        Assert.Equal(sortedReadout.Timeline, readout.Timeline);
    }

    [Fact]
    public void Analyze_VariantOutsideDeclaredSplit_Refuses()
    {
        var spec = new ExperimentSpec("checkout-test", "control", new Dictionary<string, double> { ["control"] = 1, ["treatment"] = 1 });
        var issue = Assert.Single(Refused(Log(Rows(10, "control", "treatment", "rogue")), spec).Errors);
        Assert.Equal(IssueCode.UnknownVariant, issue.Code);
        Assert.Contains("variant 'rogue' in column variant is not in the intended split (10 rows, first at row 3, unit 'u2')", issue.Message);
    }

    [Fact]
    public void Analyze_UnknownSegmentAttributeOrNoOutcomes_Refuses()
    {
        var spec = new ExperimentSpec("checkout-test", "control") { SegmentAttribute = "country" };
        Assert.Equal(IssueCode.UnknownSegmentAttribute, Assert.Single(Refused(Log(Rows(10, "control", "treatment")), spec).Errors).Code);

        var bare = ExperimentLogBuilder.FromRows("checkout-test", Rows(10, "control", "treatment").Select(r => r with { Converted = null, Revenue = null, PreCovariate = null }));
        Assert.Equal(IssueCode.NoOutcomeColumns, Assert.Single(Refused(bare, new ExperimentSpec("checkout-test", "control")).Errors).Code);
    }

    [Fact]
    public void TryAnalyze_BrokenLog_ReturnsIssuesInsteadOfThrowing()
    {
        var result = Analyzer.TryAnalyze(Log(Rows(30, "control")), new ExperimentSpec("checkout-test", "control"));
        Assert.False(result.Succeeded);
        Assert.Null(result.Readout);
        Assert.Contains(result.Issues, i => i.Code == IssueCode.SingleArm);
    }
}
