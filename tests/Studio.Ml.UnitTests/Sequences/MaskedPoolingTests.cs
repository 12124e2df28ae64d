using Studio.Ml.Sequences.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class MaskedPoolingTests
{
    private static readonly float[] Scores = [0.3f, -1.2f, 2.0f, 5.0f, 9.0f, 7.0f, 1.0f, 0.5f, -0.5f, 3.0f, 2.0f, -4.0f, 8.0f, 1.5f, 0.0f];

    private static readonly bool[] Mask =
    [
        true, true, true, false, false, // right-padded
        false, false, true, true, true, // left-padded
        false, false, false, false, false, // fully padded
    ];

    [Fact]
    public void Softmax_MixedPadding_PaddingGetsExactlyZeroAndValidWeightsAreTheSoftmaxOverValidPositions()
    {
        using var scope = torch.NewDisposeScope();
        var weights = MaskedPooling.Softmax(torch.tensor(Scores, [3, 5]), torch.tensor(Mask, [3, 5])).data<float>().ToArray();

        for (var row = 0; row < 2; row++)
        {
            var valid = Enumerable.Range(row * 5, 5).Where(i => Mask[i]).ToList();
            var max = valid.Max(i => Scores[i]);
            var denominator = valid.Sum(i => Math.Exp(Scores[i] - max));
            double sum = 0;
            for (var i = row * 5; i < (row + 1) * 5; i++)
            {
                if (Mask[i])
                {
                    Assert.Equal(Math.Exp(Scores[i] - max) / denominator, weights[i], 1e-6);
                    sum += weights[i];
                }
                else
                {
                    Assert.Equal(0f, weights[i]);
                }
            }

            Assert.Equal(1.0, sum, 1e-6);
        }
    }

    [Fact]
    public void Softmax_FullyPaddedRow_AllZerosAndNoNaNInValuesOrGradients()
    {
        using var scope = torch.NewDisposeScope();
        var scores = torch.tensor(Scores, [3, 5]).requires_grad_(true);
        var weights = MaskedPooling.Softmax(scores, torch.tensor(Mask, [3, 5]));
        (weights * torch.arange(15, dtype: ScalarType.Float32).view(3, 5)).sum().backward();

        var values = weights.data<float>().ToArray();
        Assert.All(values.Skip(10), w => Assert.Equal(0f, w));
        Assert.DoesNotContain(values, float.IsNaN);
        var gradient = scores.grad!.data<float>().ToArray();
        Assert.DoesNotContain(gradient, g => !float.IsFinite(g));
        Assert.All(gradient.Skip(10), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Mean_MixedPadding_UniformOverValidPositionsAndZeroForEmptyRows()
    {
        using var scope = torch.NewDisposeScope();
        var weights = MaskedPooling.Mean(torch.tensor(Mask, [3, 5]), ScalarType.Float32).data<float>().ToArray();

        Assert.Equal([1 / 3f, 1 / 3f, 1 / 3f, 0, 0, 0, 0, 1 / 3f, 1 / 3f, 1 / 3f, 0, 0, 0, 0, 0], weights);
    }
}
