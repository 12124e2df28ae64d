using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Studio.Ml.Evaluation;
using Studio.Ml.Training;

namespace Studio.Benchmarks.Bank;

/// <summary>
/// Test AUC on UCI Bank Marketing (bank-full.csv, duration dropped), stratified split with seed 42: 70% train and
/// 10% validation (for early stopping) form the 80%, 20% test. Writes the split so that peers/bank_sklearn.py can
/// score scikit-learn's logistic regression and gradient-boosted trees on exactly the same rows.
/// </summary>
internal static class BankBenchmark
{
    private const string DefaultCsv = "/work/shared/datasets/bank-marketing/bank-full.csv";

    public static int Run(string[] args)
    {
        var options = new BenchArguments(args);
        var table = BankCsv.Read(options.Text("csv") ?? DefaultCsv);
        var threads = options.Integer("threads", Math.Max(1, Environment.ProcessorCount - 1));
        var only = options.Text("only");
        Console.WriteLine($"bank: {table.RowCount:N0} rows, {threads} threads");
        DataSplit? split = null;
        foreach (var (name, spec) in BankConfigurations.All())
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var clock = Stopwatch.StartNew();
            var result = new ModelTrainer().Train(spec, table, new TrainingOptions { ThreadCount = threads });
            using var model = result.Model;
            split ??= result.Split;
            var validationAuc = result.History.Single(e => e.Epoch == result.BestEpoch).ValidationMetrics[MetricNames.Auc];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-34} test AUC {result.TestMetrics[MetricNames.Auc]:0.0000}  log loss {result.TestMetrics[MetricNames.LogLoss]:0.0000}  validation AUC {validationAuc:0.0000}  best epoch {result.BestEpoch}/{result.History.Count}  {clock.Elapsed.TotalSeconds:0.0} s"));
        }

        if (options.Text("split-out") is { } splitPath && split is not null)
        {
            File.WriteAllText(splitPath, JsonSerializer.Serialize(new { train = split.Train, validation = split.Validation, test = split.Test }));
            Console.WriteLine($"split written to {splitPath} (test rows: {split.Test.Length})");
        }

        return 0;
    }
}
