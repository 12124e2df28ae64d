namespace Studio.Ml.Sequences.Data;

/// <summary>
/// The time between a history event and the moment of prediction (the target event, or "now" when serving),
/// in log-like buckets. Index 0 is padding.
/// </summary>
public static class TimeGapBuckets
{
    private static readonly double[] UpperHours = [1, 24, 24 * 7, 24 * 30];

    public static IReadOnlyList<string> Labels { get; } = ["(padding)", "< 1 hour", "< 1 day", "< 1 week", "< 30 days", "30+ days"];

    public static int Count => Labels.Count;

    public static int Bucket(TimeSpan gap)
    {
        var hours = Math.Max(0, gap.TotalHours);
        for (var i = 0; i < UpperHours.Length; i++)
        {
            if (hours < UpperHours[i])
            {
                return i + 1;
            }
        }

        return UpperHours.Length + 1;
    }
}
