using System.Globalization;
using Studio.Analysis.Ingest;
using Studio.Core.Datasets;
using Studio.Core.Jobs;
using Studio.Data.Datasets;
using Studio.Ml.Service;

namespace Studio.Ml.UnitTests.Service;

/// <summary>The scores file a campaign can use (key, inputs, score, decile) and the checks before a scoring job starts.</summary>
public sealed class ScoringOutputTests : IAsyncLifetime
{
    private ServiceHarness _harness = null!;
    private Dataset _customers = null!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _customers = await _harness.SaveDemoCustomersAsync();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Score_WithInputsAndDeciles_FileImportsBackWithTheDatasetsKeysInputsAndTypes()
    {
        var model = await RegisterAsync();
        var plain = await ScoreAsync(model.Id, new ScoringOptions());
        var full = await ScoreAsync(model.Id, new ScoringOptions(IncludeColumns: ["loyalty_tier", "age", "signup_date"], Deciles: true));

        var importer = _harness.Get<IDatasetImporter>();
        var back = await importer.ImportAsync(new ImportRequest(_harness.WorkspaceId, full, "scores", DatasetRole.Table), null, CancellationToken.None);
        Assert.Equal(
            [("customer_id", ColumnType.Identifier), ("loyalty_tier", ColumnType.Categorical), ("age", ColumnType.Integer),
             ("signup_date", ColumnType.DateTime), ("score", ColumnType.Decimal), ("decile", ColumnType.Integer)],
            back.Columns.OrderBy(c => c.Ordinal).Select(c => (c.Name, c.Type)));
        var tables = _harness.Get<DatasetTableStore>();
        var scored = await tables.ReadPageAsync(back.TableName, back.Columns.OrderBy(c => c.Ordinal).ToList(), 0, 10_000);
        var source = _customers.Columns.OrderBy(c => c.Ordinal).ToList();
        var wanted = new[] { "customer_id", "loyalty_tier", "age", "signup_date" }.Select(n => source.Single(c => c.Name == n)).ToList();
        var original = await tables.ReadPageAsync(_customers.TableName, wanted, 0, 10_000);

        Assert.Equal(5000, scored.Count);
        for (var i = 0; i < scored.Count; i++) Assert.Equal(original[i], scored[i][..4]);
        // The same model on the same rows: the plain file's scores, written with "R" formatting, are read back exactly.
        var plainScores = File.ReadAllLines(plain).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(plainScores, scored.Select(r => (double)r[4]!));
        var deciles = scored.Select(r => (long)r[5]!).ToArray();
        Assert.All(Enumerable.Range(1, 10), d => Assert.Equal(500, deciles.Count(x => x == d)));
        var lowestOfTop = scored.Where(r => (long)r[5]! == 1).Min(r => (double)r[4]!);
        var highestOfSecond = scored.Where(r => (long)r[5]! == 2).Max(r => (double)r[4]!);
        Assert.True(lowestOfTop >= highestOfSecond);
    }

    [Fact]
    public async Task StartScoring_DatasetWithoutTheFeatures_RefusedNamingTheMissingColumns()
    {
        var model = await RegisterAsync();
        var products = await _harness.ImportAsync(Path.Combine(ServiceHarness.DemoFolder, "products.csv"), "products", DatasetRole.Products);

        var refused = await Assert.ThrowsAsync<ScoringRequestException>(() => _harness.Registry.StartScoringAsync(model.Id, products.Id));

        Assert.Equal("datasetId", refused.Field);
        Assert.Contains("\"age\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"loyalty_tier\"", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await _harness.Registry.ScoreSetsAsync(model.Id));
    }

    [Fact]
    public async Task StartScoring_NumericFeatureStoredAsText_RefusedNamingColumnAndType()
    {
        var model = await RegisterAsync();
        var rows = Enumerable.Range(1, 30).Select(i => new[] { $"C{i:000000}", i % 2 == 0 ? "young" : "old", "F", "East", "1", "email", "mid", "gold", "true" });
        var wrong = await _harness.ImportAsync("customers_text_age",
            ["customer_id", "age", "gender", "region", "city_tier", "channel", "income_band", "loyalty_tier", "email_opt_in"], rows);

        var refused = await Assert.ThrowsAsync<ScoringRequestException>(() => _harness.Registry.StartScoringAsync(model.Id, wrong.Id));

        Assert.Equal("datasetId", refused.Field);
        Assert.Contains("\"age\" (Categorical)", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keyColumn", "nope", null)]
    [InlineData("includeColumns", null, "nope")]
    public async Task StartScoring_UnknownOutputColumn_RefusedNamingTheField(string field, string? key, string? include)
    {
        var model = await RegisterAsync();
        var refused = await Assert.ThrowsAsync<ScoringRequestException>(() => _harness.Registry.StartScoringAsync(model.Id, _customers.Id,
            new ScoringOptions(key, include is null ? null : [include])));
        Assert.Equal(field, refused.Field);
        Assert.Contains("\"nope\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deciles_TwentyScores_TwoPerDecileHighestFirst()
    {
        var scores = Enumerable.Range(0, 20).Select(i => i / 20.0).ToArray(); // row 19 scores highest
        var deciles = ScoreCsv.Deciles(scores);
        Assert.Equal([10, 10, 9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1], deciles);
    }

    private async Task<Data.Models.RegisteredModel> RegisterAsync()
    {
        var started = await _harness.Training.StartAsync(new StartTrainingRequest(_harness.WorkspaceId, _customers.Id, "propensity",
            TrainingServiceTests.DemoSpec(epochs: 1)));
        var run = await _harness.WaitForRunAsync(started.RunId);
        return await _harness.Registry.RegisterAsync(run.Id, "propensity");
    }

    private async Task<string> ScoreAsync(int modelId, ScoringOptions options)
    {
        var scoring = await _harness.Registry.StartScoringAsync(modelId, _customers.Id, options);
        var job = await _harness.WaitForJobAsync(scoring.JobId);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var set = (await _harness.Registry.ScoreSetsAsync(modelId)).First();
        // Each scoring of the same model and dataset replaces the file; keep a copy per call.
        var copy = Path.Combine(_harness.Storage.DataDir, $"scores-{Guid.NewGuid():N}.csv");
        File.Copy(set.FilePath, copy);
        return copy;
    }
}
