using Studio.Ml.Sequences.Models;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.UnitTests.Sequences;

public sealed class BehaviourSequenceModelTests
{
    private const int Rows = 4;
    private const int T = 6;

    public static TheoryData<SequenceModelKind, AttentionScoring> Kinds => new()
    {
        { SequenceModelKind.TargetAttention, AttentionScoring.Mlp },
        { SequenceModelKind.TargetAttention, AttentionScoring.DotProduct },
        { SequenceModelKind.MeanPooling, AttentionScoring.Mlp },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_MixedAndEmptyHistories_LogitPerRowAndMaskedWeightsPerSlot(SequenceModelKind kind, AttentionScoring scoring)
    {
        torch.manual_seed(3);
        using var model = Create(kind, scoring);
        using var scope = torch.NewDisposeScope();
        var batch = Batch();

        var output = model.forward(batch);

        Assert.Equal([Rows], output.Logits.shape);
        Assert.Equal([Rows, T], output.Weights.shape);
        Assert.DoesNotContain(output.Logits.data<float>().ToArray(), float.IsNaN);
        var weights = output.Weights.data<float>().ToArray();
        var mask = batch.Mask.data<bool>().ToArray();
        for (var row = 0; row < Rows; row++)
        {
            var sum = 0.0;
            for (var slot = 0; slot < T; slot++)
            {
                var w = weights[(row * T) + slot];
                if (!mask[(row * T) + slot])
                {
                    Assert.Equal(0f, w);
                }

                sum += w;
            }

            Assert.Equal(row == Rows - 1 ? 0.0 : 1.0, sum, 1e-6);
        }
    }

    [Fact]
    public void Backward_BatchWithEmptyHistory_AllGradientsFinite()
    {
        torch.manual_seed(3);
        using var model = Create(SequenceModelKind.TargetAttention, AttentionScoring.Mlp);
        using var scope = torch.NewDisposeScope();

        nn.functional.binary_cross_entropy_with_logits(model.forward(Batch()).Logits, torch.ones(Rows)).backward();

        Assert.All(model.parameters(), p => Assert.DoesNotContain(p.grad!.data<float>().ToArray(), g => !float.IsFinite(g)));
    }

    private static BehaviourSequenceModel Create(SequenceModelKind kind, AttentionScoring scoring) =>
        new(new SequenceModelShape(ItemSlots: 11, CategorySlots: 4, EventTypeSlots: 3, GapSlots: 6, FeatureWidth: 2), new SequenceSpec
        {
            Model = kind,
            Scoring = scoring,
            MaxLength = T,
            ItemDimension = 4,
            ContextDimension = 2,
            AttentionHiddenSizes = [8],
            Head = new ModelSpec { HiddenSizes = [8], Dropout = 0 },
        });

    /// <summary>Row 0 full, row 1 left-padded, row 2 right-padded, row 3 empty.</summary>
    private static SequenceBatch Batch()
    {
        long[] items = [1, 2, 3, 4, 5, 6, 0, 0, 0, 7, 8, 9, 10, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var history = torch.tensor(items, [Rows, T]);
        var categories = history.remainder(3).add(1).mul(history.ne(0));
        return new SequenceBatch(
            history,
            categories,
            history.ne(0).to_type(ScalarType.Int64).mul(2),
            history.ne(0).to_type(ScalarType.Int64).mul(3),
            history.ne(0),
            torch.tensor(new long[] { 3, 5, 7, 9 }),
            torch.tensor(new long[] { 1, 3, 2, 1 }),
            torch.randn(Rows, 2));
    }
}
