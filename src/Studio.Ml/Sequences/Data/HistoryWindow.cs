using Studio.Ml.Sequences.Training;

namespace Studio.Ml.Sequences.Data;

/// <summary>
/// The last T events before a cut point, laid into fixed slots. <see cref="SlotOf"/> maps a timeline event to its slot,
/// so attention weights can be traced back to events.
/// </summary>
internal readonly record struct HistoryWindow(int Start, int Length, int MaxLength, SequencePadding Padding)
{
    /// <summary>The window of the events before <paramref name="end"/> (exclusive).</summary>
    public static HistoryWindow Before(int end, int maxLength, SequencePadding padding)
    {
        var length = Math.Min(end, maxLength);
        return new HistoryWindow(end - length, length, maxLength, padding);
    }

    /// <summary>Slot of the k-th event of the window (k = 0 is the oldest).</summary>
    public int SlotOf(int k) => Padding == SequencePadding.Left ? MaxLength - Length + k : k;

    /// <summary>Writes items, categories, types and gap buckets into rows of width T at <paramref name="offset"/>; padding stays 0.</summary>
    public void Fill(CustomerTimeline timeline, DateTime at, long[] items, long[] categories, long[] types, long[] gaps, int offset)
    {
        for (var k = 0; k < Length; k++)
        {
            var e = Start + k;
            var slot = offset + SlotOf(k);
            items[slot] = timeline.Items[e];
            categories[slot] = timeline.Categories[e];
            types[slot] = timeline.Types[e];
            gaps[slot] = TimeGapBuckets.Bucket(at - timeline.Times[e]);
        }
    }
}
