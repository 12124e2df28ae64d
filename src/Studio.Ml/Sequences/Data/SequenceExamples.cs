using Studio.Ml.Sequences.Training;

namespace Studio.Ml.Sequences.Data;

/// <summary>
/// One split. A context is (customer, history window, actual next item); each example pairs a context with a
/// candidate and a label: the actual next item is the positive, sampled catalogue items are the negatives.
/// History arrays are row-major [contexts x T]; histories are stored once per context, not per example.
/// </summary>
public sealed class SequenceExamples
{
    internal SequenceExamples(int maxLength, int contexts)
    {
        MaxLength = maxLength;
        ContextCustomer = new int[contexts];
        ContextTarget = new int[contexts];
        Items = new long[contexts * maxLength];
        Categories = new long[contexts * maxLength];
        Types = new long[contexts * maxLength];
        Gaps = new long[contexts * maxLength];
        PositiveItem = new long[contexts];
    }

    public int MaxLength { get; }

    public int ContextCount => ContextCustomer.Length;

    public int ExampleCount => Label.Length;

    public int PositiveCount => ContextCount;

    /// <summary>A copy of one context's slots (for inspection and tests); the mask is true on real events.</summary>
    public SequenceContextView Context(int context)
    {
        var t = MaxLength;
        var items = Items.AsSpan(context * t, t).ToArray();
        return new SequenceContextView(
            ContextCustomer[context],
            items,
            Categories.AsSpan(context * t, t).ToArray(),
            Types.AsSpan(context * t, t).ToArray(),
            Gaps.AsSpan(context * t, t).ToArray(),
            items.Select(i => i != 0).ToArray(),
            PositiveItem[context]);
    }

    /// <summary>One example: its context, candidate item index and label (1 = the actual next item).</summary>
    public (int Context, long CandidateItem, float Label) Example(int example) =>
        ((int)ExampleContext[example], CandidateItem[example], Label[example]);

    internal int[] ContextCustomer { get; }

    /// <summary>Index of the target event in the customer's timeline (the history is the events before it).</summary>
    internal int[] ContextTarget { get; }

    internal long[] Items { get; }

    internal long[] Categories { get; }

    internal long[] Types { get; }

    internal long[] Gaps { get; }

    internal long[] PositiveItem { get; }

    internal long[] ExampleContext { get; private set; } = [];

    internal long[] CandidateItem { get; private set; } = [];

    internal long[] CandidateCategory { get; private set; } = [];

    internal float[] Label { get; private set; } = [];

    /// <summary>
    /// One context per (customer, target event index): the history is the events before the target, gaps are measured
    /// to <paramref name="at"/> when given (serving), else to the target event's time. Candidates are not sampled yet.
    /// </summary>
    internal static SequenceExamples Cut(CustomerHistories histories, IReadOnlyList<(int Customer, int Target)> targets, int maxLength, SequencePadding padding, DateTime? at = null)
    {
        var examples = new SequenceExamples(maxLength, targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var (customer, target) = targets[i];
            var timeline = histories[customer];
            examples.ContextCustomer[i] = customer;
            examples.ContextTarget[i] = target;
            examples.PositiveItem[i] = target < timeline.Count ? timeline.Items[target] : 0;
            var moment = at ?? timeline.Times[target];
            HistoryWindow.Before(target, maxLength, padding)
                .Fill(timeline, moment, examples.Items, examples.Categories, examples.Types, examples.Gaps, i * maxLength);
        }

        return examples;
    }

    /// <summary>One positive plus <paramref name="negatives"/> distinct-from-positive uniform catalogue draws per context.</summary>
    internal void SampleCandidates(SequenceVocabulary vocabulary, int negatives, Random random)
    {
        var perContext = negatives + 1;
        var n = ContextCount * perContext;
        ExampleContext = new long[n];
        CandidateItem = new long[n];
        CandidateCategory = new long[n];
        Label = new float[n];
        var catalogue = vocabulary.Items.Count;
        for (var c = 0; c < ContextCount; c++)
        {
            for (var j = 0; j < perContext; j++)
            {
                var e = (c * perContext) + j;
                var item = PositiveItem[c];
                if (j > 0)
                {
                    do
                    {
                        item = random.Next(catalogue) + 1;
                    }
                    while (item == PositiveItem[c] && catalogue > 1);
                }

                ExampleContext[e] = c;
                CandidateItem[e] = item;
                CandidateCategory[e] = vocabulary.CategoryOfItem((int)item);
                Label[e] = j == 0 ? 1f : 0f;
            }
        }
    }
}

/// <summary>One context's slots as vocabulary indices (0 = padding); gaps are <see cref="TimeGapBuckets"/> indices.</summary>
public sealed record SequenceContextView(
    int Customer,
    IReadOnlyList<long> Items,
    IReadOnlyList<long> Categories,
    IReadOnlyList<long> Types,
    IReadOnlyList<long> Gaps,
    IReadOnlyList<bool> Mask,
    long PositiveItem);
