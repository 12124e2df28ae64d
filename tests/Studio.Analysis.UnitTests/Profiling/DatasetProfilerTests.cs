using Studio.Analysis.Profiling;
using Studio.Core.Datasets;

namespace Studio.Analysis.UnitTests.Profiling;

public sealed class DatasetProfilerTests : StudioTestBase
{
    private const string Customers = """
        customer_id,segment,spend,joined,active
        1,gold,10.5,2024-01-01,yes
        2,silver,20,2024-02-01,no
        2,silver,20,2024-02-01,no
        3,gold,,2024-03-01,yes
        4,bronze,NaN,2024-03-05,yes
        5,gold,30,2024-04-01,

        """;

    private DatasetProfile _profile = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var path = Studio.WriteFile("customers.csv", Customers);
        var result = await Studio.Importer.ImportWithReportAsync(Studio.Request(path, DatasetRole.Customers), null, CancellationToken.None);
        _profile = await Studio.Profiler.ProfileAsync(result.Dataset, result.Report);
    }

    private ColumnProfile Column(string name) => _profile.Columns.Single(c => c.Name == name);

    [Fact]
    public void Profile_Types_AsInferred() =>
        Assert.Equal([ColumnType.Identifier, ColumnType.Categorical, ColumnType.Decimal, ColumnType.DateTime, ColumnType.Boolean],
            _profile.Columns.Select(c => c.Type));

    [Fact]
    public void Profile_DecimalColumn_HandComputedStatistics()
    {
        var spend = Column("spend");
        Assert.Equal(4, spend.PresentCount);
        Assert.Equal(2, spend.MissingCount);
        Assert.Equal(2 / 6.0, spend.MissingShare, 12);
        Assert.Equal(3, spend.DistinctCount);
        var n = spend.Numeric!;
        Assert.Equal(10.5, n.Min);
        Assert.Equal(30, n.Max);
        Assert.Equal(20.125, n.Mean, 12);
        Assert.Equal(Math.Sqrt(190.1875 / 3), n.StdDev, 12);
        Assert.Equal(17.625, n.Quantiles.P25, 12);
        Assert.Equal(20, n.Quantiles.P50, 12);
        Assert.Equal(22.5, n.Quantiles.P75, 12);
        Assert.Equal(4, spend.Histogram!.Counts.Sum());
        Assert.Equal(6, Assert.Single(spend.Issues).Line);
    }

    [Fact]
    public void Profile_Categorical_TopValuesWithShares()
    {
        var segment = Column("segment");
        Assert.Equal(3, segment.DistinctCount);
        Assert.Equal([("gold", 3L), ("silver", 2L), ("bronze", 1L)], segment.TopValues.Select(t => (t.Value, t.Count)));
        Assert.Equal(0.5, segment.TopValues[0].Share, 12);
    }

    [Fact]
    public void Profile_Boolean_CountsAndMissing()
    {
        var active = Column("active");
        Assert.Equal(1, active.MissingCount);
        Assert.Equal([("true", 3L), ("false", 2L)], active.TopValues.Select(t => (t.Value, t.Count)));
    }

    [Fact]
    public void Profile_DateTime_RangeInUtc()
    {
        var joined = Column("joined");
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), joined.Dates!.MinUtc);
        Assert.Equal(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), joined.Dates.MaxUtc);
        Assert.Equal(5, joined.DistinctCount);
    }

    [Fact]
    public void Profile_DuplicatesRowsAndKeys_CountedAndWarned()
    {
        Assert.Equal(1, _profile.DuplicateRowCount);
        Assert.Equal(1, Column("customer_id").DuplicateKeyCount);
        Assert.Null(Column("spend").DuplicateKeyCount);
        Assert.Contains(_profile.Warnings, w => w.Column == "customer_id" && w.Message.Contains("repeat a key", StringComparison.Ordinal));
        Assert.Contains(_profile.Warnings, w => w.Column is null && w.Message.StartsWith("1 row(s) duplicate", StringComparison.Ordinal));
        Assert.Contains(_profile.Warnings, w => w.Column == "spend" && w.Message.Contains("NaN/Infinity", StringComparison.Ordinal) && w.Message.Contains("lines 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Profile_Summary_CompletenessOverAllCells()
    {
        Assert.Equal(6, _profile.RowCount);
        Assert.Equal(30, _profile.Summary.Cells);
        Assert.Equal(3, _profile.Summary.MissingCells);
        Assert.Equal(0.9, _profile.Summary.Completeness, 12);
        Assert.Equal(2, _profile.Summary.ColumnsWithMissing);
        Assert.Equal(_profile.Warnings.Count, _profile.Summary.WarningCount);
    }
}
