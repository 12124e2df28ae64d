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
