using System.Globalization;
using Studio.Ml.Evaluation;
using Studio.Ml.Service;
using Studio.Ml.Training;
using Xunit.Abstractions;

namespace Studio.Ml.UnitTests.Service;

/// <summary>
/// Issue 4's quality bar through the real pipeline (SQLite dataset → service → job → stored predictions) on generated
/// customers (20,000, the demo's generator), with the recency/frequency columns the planted propensity depends on derived from events.csv.
/// </summary>
public sealed class PropensityServiceQualityTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset WindowEnd = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeepModel_GeneratedCustomersWithBehaviour_NearTruthAndAboveLogisticRegression()
    {
        await using var harness = await ServiceHarness.StartAsync();
        // 5,000 demo customers leave 750 test rows: too few for a network to beat a linear model reliably.
        var folder = Path.Combine(harness.Storage.DataDir, "generated");
        Core.SampleData.RetailDataGenerator.WriteTo(folder, new Core.SampleData.GeneratorOptions(Customers: 20_000, TargetEvents: 400_000));
        var dataset = await SaveCustomersWithBehaviourAsync(harness, folder);
        var truth = File.ReadAllLines(Path.Combine(folder, "truth", "customers_truth.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();

        var deep = await TrainAsync(harness, dataset.Id, ModelKind.Mlp);
        var baseline = await TrainAsync(harness, dataset.Id, ModelKind.LogisticRegression);

        var truthAuc = BinaryMetrics.Auc(deep.BinaryLabels, deep.Rows.Select(r => truth[r]).ToArray());
        var deepAuc = BinaryMetrics.Auc(deep.BinaryLabels, deep.Scores);
        var baselineAuc = BinaryMetrics.Auc(baseline.BinaryLabels, baseline.Scores);
        output.WriteLine($"test AUC: MLP {deepAuc:F4}, logistic regression {baselineAuc:F4}, true propensity {truthAuc:F4} ({deep.Scores.Length} test rows)");
        Assert.InRange(deepAuc, truthAuc - 0.03, 1.0);
        Assert.True(deepAuc > baselineAuc, $"MLP {deepAuc:F4} should beat logistic regression {baselineAuc:F4}");
    }

    private static async Task<Predictions> TrainAsync(ServiceHarness harness, int datasetId, ModelKind kind)
    {
        var spec = new TrainingSpec
        {
            TargetColumn = "purchased_next_30d",
            CategoricalColumns = ["gender", "region", "channel", "income_band", "loyalty_tier", "email_opt_in", "city_tier"],
            NumericColumns = ["age", "days_since_purchase", "purchases", "active_days_30d"],
            Model = new ModelSpec { Kind = kind, HiddenSizes = [64, 32], Dropout = 0.2 },
            Embedding = new EmbeddingSpec { Dimension = 8 },
            Features = new FeatureSpec { NumericBuckets = 10 },
            Optimizer = new OptimizerSpec { LearningRate = 0.003, WeightDecay = 1e-4 },
            BatchSize = 128,
            Epochs = 40,
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Auc, Patience = 6 },
            Split = new SplitSpec { Kind = SplitKind.Stratified },
        };
        var started = await harness.Training.StartAsync(new StartTrainingRequest(harness.WorkspaceId, datasetId, kind.ToString(), spec));
        var run = await harness.WaitForRunAsync(started.RunId, timeoutSeconds: 80);
        return TrainingRunStore.Predictions(run) ?? throw new InvalidOperationException($"{kind} run ended {run.Status}: {run.Error}");
    }

    private static Task<Data.Datasets.Dataset> SaveCustomersWithBehaviourAsync(ServiceHarness harness, string folder)
    {
        var customers = File.ReadAllLines(Path.Combine(folder, "customers.csv"));
        var lastPurchase = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var purchases = new Dictionary<string, int>(StringComparer.Ordinal);
        var activeDays = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(folder, "events.csv")).Skip(1))
        {
            var cells = line.Split(',');
            var customer = cells[1];
            var time = DateTimeOffset.Parse(cells[3], CultureInfo.InvariantCulture);
            if (cells[4] == "purchase")
            {
                purchases[customer] = purchases.GetValueOrDefault(customer) + 1;
                if (!lastPurchase.TryGetValue(customer, out var last) || time > last) lastPurchase[customer] = time;
            }
            if (WindowEnd - time <= TimeSpan.FromDays(30))
            {
                if (!activeDays.TryGetValue(customer, out var days)) activeDays[customer] = days = [];
                days.Add(DateOnly.FromDateTime(time.UtcDateTime));
            }
        }

        var header = customers[0].Split(',').Concat(["days_since_purchase", "purchases", "active_days_30d"]).ToArray();
        var rows = customers.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            var id = cells[0];
            var recency = lastPurchase.TryGetValue(id, out var last) ? (WindowEnd - last).TotalDays : 365;
            return cells.Concat([
                recency.ToString("0.##", CultureInfo.InvariantCulture),
                purchases.GetValueOrDefault(id).ToString(CultureInfo.InvariantCulture),
                (activeDays.TryGetValue(id, out var days) ? days.Count : 0).ToString(CultureInfo.InvariantCulture),
            ]).ToArray();
        }).ToList();
        return harness.ImportAsync("customers_behaviour", header, rows);
    }
}
