namespace Studio.Core.SampleData.Events;

/// <summary>One buffered event before it is sorted and written. Seconds count from the window start.</summary>
internal readonly record struct EventRow(
    long Seconds,
    long Sequence,
    int Customer,
    int Product,
    byte Type,
    byte Device,
    short Quantity,
    double Revenue)
{
    public const byte View = 0;
    public const byte Click = 1;
    public const byte Cart = 2;
    public const byte Purchase = 3;

    public static int CompareByTime(EventRow a, EventRow b)
    {
        var bySeconds = a.Seconds.CompareTo(b.Seconds);
        return bySeconds != 0 ? bySeconds : a.Sequence.CompareTo(b.Sequence);
    }
}
