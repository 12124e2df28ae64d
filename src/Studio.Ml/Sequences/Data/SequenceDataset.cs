using Studio.Ml.Sequences.Training;

namespace Studio.Ml.Sequences.Data;

/// <summary>The histories plus the chronological train / validation / test examples cut from them.</summary>
public sealed class SequenceDataset
{
    internal SequenceDataset(CustomerHistories histories, SequenceExamples train, SequenceExamples validation, SequenceExamples test, long[] itemFrequency)
    {
        Histories = histories;
        Train = train;
        Validation = validation;
        Test = test;
        TrainItemFrequency = itemFrequency;
    }

    public CustomerHistories Histories { get; }

    public SequenceVocabulary Vocabulary => Histories.Vocabulary;

    public SequenceExamples Train { get; }

    public SequenceExamples Validation { get; }

    public SequenceExamples Test { get; }

    /// <summary>How often each item index is a training target (the popularity baseline's score); [0] is padding.</summary>
    public IReadOnlyList<long> TrainItemFrequency { get; }

    /// <summary>
    /// Sorts each customer's events by time and cuts one context per event that has at least one event before it.
    /// Leave-one-out: last event per customer tests, second-last validates (customers with fewer than 3 events only
    /// train). By time: targets at or after the test cut test, those after the validation cut validate.
    /// </summary>
    public static SequenceDataset Build(SequenceSpec spec, InteractionLog events, CustomerFeatureTable? features = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(events);
        var problems = spec.Validate().Concat(events.Validate()).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The sequence data cannot be built: " + string.Join(" ", problems), nameof(events));
        }

        var vocabulary = SequenceVocabulary.Fit(events, CustomerHistories.Chronological(events));
        var histories = CustomerHistories.Build(vocabulary, events, features, mergeRepeats: spec.MergeRepeatedItems);
        var splitOf = Assign(spec.Split, histories, events);
        var byPart = new List<(int Customer, int Target)>[3];
        for (var part = 0; part < 3; part++)
        {
            byPart[part] = [];
        }

        for (var c = 0; c < histories.Count; c++)
        {
            for (var t = 1; t < histories[c].Count; t++)
            {
                byPart[(int)splitOf(c, t)].Add((c, t));
            }
        }

        var train = SequenceExamples.Cut(histories, byPart[0], spec.MaxLength, spec.Padding);
        var validation = SequenceExamples.Cut(histories, byPart[1], spec.MaxLength, spec.Padding);
        var test = SequenceExamples.Cut(histories, byPart[2], spec.MaxLength, spec.Padding);
        train.SampleCandidates(vocabulary, spec.NegativesPerPositive, new Random(spec.Seed));
        validation.SampleCandidates(vocabulary, spec.EvaluationNegatives, new Random(spec.Seed + 101));
        test.SampleCandidates(vocabulary, spec.EvaluationNegatives, new Random(spec.Seed + 202));
        var frequency = new long[vocabulary.ItemSlots];
        foreach (var item in train.PositiveItem)
        {
            frequency[item]++;
        }

        return new SequenceDataset(histories, train, validation, test, frequency);
    }

    private enum Part
    {
        Train = 0,
        Validation = 1,
        Test = 2,
    }

    private static Func<int, int, Part> Assign(SequenceSplitSpec split, CustomerHistories histories, InteractionLog events)
    {
        if (split.Kind == SequenceSplitKind.LeaveOneOut)
        {
            return (c, t) =>
            {
                var n = histories[c].Count;
                return n < 3 ? Part.Train : t == n - 1 ? Part.Test : t == n - 2 ? Part.Validation : Part.Train;
            };
        }

        var first = events.Timestamps.Min();
        var span = events.Timestamps.Max() - first;
        var testCut = first + (span * (1 - split.TestFraction));
        var validationCut = first + (span * (1 - split.TestFraction - split.ValidationFraction));
        return (c, t) =>
        {
            var at = histories[c].Times[t];
            return at >= testCut ? Part.Test : at >= validationCut ? Part.Validation : Part.Train;
        };
    }
}
