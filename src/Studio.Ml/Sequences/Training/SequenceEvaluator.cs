using Studio.Ml.Evaluation;
using Studio.Ml.Sequences.Data;
using Studio.Ml.Sequences.Evaluation;
using Studio.Ml.Sequences.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Sequences.Training;

/// <summary>Scores splits without gradients: probabilities per example, and full-catalogue ranks per context.</summary>
internal static class SequenceEvaluator
{
    public static float[] Probabilities(BehaviourSequenceModel network, SequenceTensors data, int batchSize)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        var probabilities = new float[data.ExampleCount];
        for (var start = 0; start < data.ExampleCount; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(batchSize, data.ExampleCount - start);
            var output = network.forward(data.Examples(torch.arange(start, start + length, dtype: ScalarType.Int64)));
            torch.sigmoid(output.Logits).data<float>().CopyTo(probabilities, start);
        }

        return probabilities;
    }

    /// <summary>AUC and log loss of the split's positives against its sampled negatives.</summary>
    public static Dictionary<string, double> BinaryMetricsOf(SequenceExamples examples, float[] probabilities)
    {
        var labels = examples.Label.Select(l => l > 0.5f).ToList();
        var scores = probabilities.Select(p => (double)p).ToList();
        var logLoss = BinaryMetrics.LogLoss(labels, scores);
        return new Dictionary<string, double>
        {
            [MetricNames.Auc] = BinaryMetrics.Auc(labels, scores),
            [MetricNames.LogLoss] = logLoss,
            [MetricNames.Loss] = logLoss,
            [MetricNames.Rows] = labels.Count,
        };
    }

    /// <summary>The pessimistic rank of each context's actual next item among every catalogue item.</summary>
    public static int[] Ranks(BehaviourSequenceModel network, SequenceTensors data, SequenceExamples examples, SequenceVocabulary vocabulary, int? maxTargets, int rowsPerPass)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        var catalogue = vocabulary.Items.Count;
        var n = Math.Min(examples.ContextCount, maxTargets ?? int.MaxValue);
        var ranks = new int[n];
        using var items = torch.arange(1, catalogue + 1, dtype: ScalarType.Int64);
        using var categories = torch.tensor(vocabulary.ItemCategories.Select(c => (long)c).ToArray());
        var perPass = Math.Max(1, rowsPerPass / catalogue);
        var scores = new float[perPass * catalogue];
        for (var start = 0; start < n; start += perPass)
        {
            using var scope = torch.NewDisposeScope();
            var k = Math.Min(perPass, n - start);
            var output = network.forward(data.Cross(torch.arange(start, start + k, dtype: ScalarType.Int64), items, categories));
            output.Logits.data<float>().CopyTo(scores, 0);
            for (var c = 0; c < k; c++)
            {
                var row = scores.AsSpan(c * catalogue, catalogue);
                ranks[start + c] = RankingMetrics.Rank(row, (int)examples.PositiveItem[start + c] - 1);
            }
        }

        return ranks;
    }
}
