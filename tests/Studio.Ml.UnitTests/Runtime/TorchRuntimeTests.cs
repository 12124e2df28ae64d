using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.UnitTests.Runtime;

/// <summary>The honest proof that libtorch loads on this machine: a tiny embedding + MLP learns.</summary>
public sealed class TorchRuntimeTests
{
    [Fact]
    public void EmbeddingMlp_TrainsOnPlantedRule_LossFalls()
    {
        torch.manual_seed(7);
        const int rows = 2048;
        var generator = new Random(7);
        var categories = new long[rows];
        var labels = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            categories[i] = generator.Next(10);
            labels[i] = categories[i] < 5 ? 1f : 0f;
        }

        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(categories);
        var y = torch.tensor(labels).unsqueeze(1);
        var embedding = nn.Embedding(10, 4);
        var mlp = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1));
        var parameters = embedding.parameters().Concat(mlp.parameters());
        var optimizer = optim.Adam(parameters, lr: 0.05);
        var lossFn = nn.BCEWithLogitsLoss();

        float first = 0, last = 0;
        for (var epoch = 0; epoch < 30; epoch++)
        {
            using var step = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = lossFn.forward(mlp.forward(embedding.forward(x)), y);
            loss.backward();
            optimizer.step();
            var value = loss.item<float>();
            if (epoch == 0) first = value;
            last = value;
        }

        Assert.True(first > 0.5f, $"initial loss {first} should be near ln 2");
        Assert.True(last < 0.1f * first, $"loss should fall by 10x: {first} -> {last}");
    }
}
