using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Benchmarks.Throughput;

/// <summary>The reference: the same architecture trained by the shortest TorchSharp loop over whole tensors.</summary>
internal static class BareLoop
{
    public static double SamplesPerSecond(long[] codes, float[] labels, int trainRows, int epochs)
    {
        var fields = ThroughputData.Cardinalities.Length;
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(codes, [labels.Length, fields]).narrow(0, 0, trainRows);
        var y = torch.tensor(labels).narrow(0, 0, trainRows);
        var embeddings = ThroughputData.Cardinalities.Select(c => nn.Embedding(c, ThroughputData.EmbeddingDim)).ToArray();
        var mlp = nn.Sequential(
            nn.Linear(fields * ThroughputData.EmbeddingDim, 256), nn.ReLU(),
            nn.Linear(256, 128), nn.ReLU(),
            nn.Linear(128, 1));
        var parameters = embeddings.SelectMany(e => e.parameters()).Concat(mlp.parameters()).ToList();
        using var optimizer = optim.Adam(parameters, 1e-3);
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var permutation = torch.randperm(trainRows);
            for (long start = 0; start < trainRows; start += ThroughputData.BatchSize)
            {
                using var batchScope = torch.NewDisposeScope();
                var index = permutation.narrow(0, start, Math.Min(ThroughputData.BatchSize, trainRows - start));
                var xb = x.index_select(0, index);
                var input = torch.cat(embeddings.Select((e, f) => e.forward(xb.select(1, f))).ToList(), 1);
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(mlp.forward(input).squeeze(1), y.index_select(0, index));
                loss.backward();
                optimizer.step();
            }
        }

        return (double)trainRows * epochs / clock.Elapsed.TotalSeconds;
    }
}
