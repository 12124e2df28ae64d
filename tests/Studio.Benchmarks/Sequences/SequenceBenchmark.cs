using System.Diagnostics;
using System.Globalization;
using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Attention;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;
using Studio.Ml.UnitTests.Sequences;

namespace Studio.Benchmarks.Sequences;

/// <summary>
/// `sequences [--events events.csv --products products.csv --triggers triggers.csv] [--customers N] [--epochs N]
/// [--max-length T] [--ranked N] [--seed N] [--dim D] [--negatives K] [--batch B] [--lr X] [--models mlp,dot,mean] [--patience N] [--merge 1] [--tail N] [--verbose 1]`: trains DIN (MLP and dot-product scoring) and mean pooling on the same
/// leave-one-out split and prints test AUC / log loss (positives vs sampled negatives) and HR@10, NDCG@10, MRR
/// (full-catalogue ranking) next to the popularity baseline, plus the attention on planted trigger events.
/// Without --events it uses the planted synthetic shop of the unit tests.
/// </summary>
internal static class SequenceBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var options = Parse(args);
        var clock = Stopwatch.StartNew();
        InteractionLog log;
        List<(string Trigger, string Target)> pairs;
        string? triggerType = null;
        if (options.TryGetValue("--events", out var eventsPath))
        {
            log = RetailEventsCsv.ReadEvents(eventsPath, options.GetValueOrDefault("--products"));
            pairs = options.TryGetValue("--triggers", out var triggers) ? RetailEventsCsv.ReadPairs(triggers) : [];
        }
        else
        {
            log = PlantedSequences.Generate(Number(options, "--seed", 11), Number(options, "--customers", 3000));
            pairs = PlantedSequences.PairNames().ToList();
            triggerType = "purchase";
        }

        var spec = new SequenceSpec
        {
            MaxLength = Number(options, "--max-length", 20),
            MergeRepeatedItems = Number(options, "--merge", 0) == 1,
            ItemDimension = Number(options, "--dim", 16),
            ContextDimension = 4,
            AttentionHiddenSizes = [32],
            Head = new ModelSpec { HiddenSizes = [64, 32], Dropout = 0 },
            NegativesPerPositive = Number(options, "--negatives", 4),
            EvaluationNegatives = 4,
            BatchSize = Number(options, "--batch", 512),
            Epochs = Number(options, "--epochs", 10),
            Optimizer = new OptimizerSpec { LearningRate = options.TryGetValue("--lr", out var lr) ? double.Parse(lr, CultureInfo.InvariantCulture) : 3e-3 },
            MaxRankedTargets = options.ContainsKey("--ranked") ? Number(options, "--ranked", 0) : null,
            Seed = Number(options, "--seed", 11),
            EarlyStopping = new EarlyStoppingSpec { Metric = MonitorMetric.Auc, Patience = Number(options, "--patience", 2) },
        };
        var data = SequenceDataset.Build(spec, log);
        output.WriteLine(Invariant($"events {log.Count}, customers {data.Histories.Count}, items {data.Vocabulary.Items.Count}, categories {data.Vocabulary.Categories.Count}, event types {data.Vocabulary.EventTypes.Count}; contexts train {data.Train.ContextCount} / validation {data.Validation.ContextCount} / test {data.Test.ContextCount}; prepared in {clock.Elapsed.TotalSeconds:F1} s"));
        output.WriteLine(Invariant($"T = {spec.MaxLength}, {spec.NegativesPerPositive} train / {spec.EvaluationNegatives} test negatives per positive (uniform), ranking = full catalogue, ties against the target"));
        output.WriteLine();
        var k = spec.RankingCutoff;
        output.WriteLine(Invariant($"{"model",-22} {"AUC",7} {"logloss",8} {"HR@" + k,7} {"NDCG@" + k,8} {"MRR",7} {"epochs",6} {"train s",8} {"trigger/other attention",30}"));
        IReadOnlyDictionary<string, double>? popularity = null;
        var only = options.GetValueOrDefault("--models", "mlp,dot,mean").Split(',');
        foreach (var (name, variant) in Variants(spec).Where(v => only.Contains(v.Key)).Select(v => (v.Name, v.Spec)))
        {
            var result = new SequenceTrainer().Train(variant, data);
            using var model = result.Model;
            popularity ??= result.PopularityMetrics;
            if (options.ContainsKey("--verbose"))
            {
                foreach (var epoch in result.History)
                {
                    output.WriteLine(Invariant($"  epoch {epoch.Epoch}: train loss {epoch.TrainLoss:F4}, validation AUC {epoch.ValidationMetrics[MetricNames.Auc]:F4}, log loss {epoch.ValidationLoss:F4}, {epoch.Duration.TotalSeconds:F1} s"));
                }
            }

            var m = result.TestMetrics;
            var attention = pairs.Count == 0
                ? "-"
                : Describe(PairAttention.Measure(new AttentionExplainer(model, data.Histories), data.Histories, pairs, tail: Number(options, "--tail", 3), triggerEventType: triggerType));
            output.WriteLine(Invariant($"{name,-22} {m[MetricNames.Auc],7:F4} {m[MetricNames.LogLoss],8:F4} {m[RankingMetrics.HitRateName(k)],7:F4} {m[RankingMetrics.NdcgName(k)],8:F4} {m[RankingMetrics.Mrr],7:F4} {result.History.Count + "/" + result.BestEpoch,6} {result.Timings.Training.TotalSeconds,8:F1} {attention,30}"));
        }

        output.WriteLine(Invariant($"{"popularity",-22} {"-",7} {"-",8} {popularity![RankingMetrics.HitRateName(k)],7:F4} {popularity[RankingMetrics.NdcgName(k)],8:F4} {popularity[RankingMetrics.Mrr],7:F4}"));
        output.WriteLine(Invariant($"ranked test targets {popularity[RankingMetrics.RankedTargets]}; total {clock.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    private static IEnumerable<(string Key, string Name, SequenceSpec Spec)> Variants(SequenceSpec spec) =>
    [
        ("mlp", "DIN (MLP attention)", spec),
        ("dot", "DIN (dot attention)", spec with { Scoring = AttentionScoring.DotProduct }),
        ("mean", "mean pooling", spec with { Model = SequenceModelKind.MeanPooling }),
    ];

    private static string Describe(PairAttentionSummary summary) =>
        Invariant($"{summary.Ratio:F2}x (lift {summary.LiftRatio:F2}x) / {summary.Sequences}");

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }

    private static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
