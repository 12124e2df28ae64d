namespace Studio.Ml.Sequences.Data;

/// <summary>
/// Interactions from any events table, one entry per event, as parallel columns. Timestamps are read as UTC.
/// Category and event type are optional: a missing column becomes a single "(none)" value.
/// </summary>
public sealed record InteractionLog(IReadOnlyList<string> CustomerIds, IReadOnlyList<string> ItemIds, IReadOnlyList<DateTime> Timestamps)
{
    public const string NoValue = "(none)";

    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<string>? EventTypes { get; init; }

    public int Count => CustomerIds.Count;

    public string CategoryAt(int row) => Categories is { } c && !string.IsNullOrEmpty(c[row]) ? c[row] : NoValue;

    public string EventTypeAt(int row) => EventTypes is { } t && !string.IsNullOrEmpty(t[row]) ? t[row] : NoValue;

    /// <summary>Human-readable problems; empty when the log can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CustomerIds is null || ItemIds is null || Timestamps is null)
        {
            problems.Add("Customer, item and timestamp columns are required.");
            return problems;
        }

        if (ItemIds.Count != Count || Timestamps.Count != Count
            || (Categories is not null && Categories.Count != Count) || (EventTypes is not null && EventTypes.Count != Count))
        {
            problems.Add("All event columns must have the same length.");
        }

        if (Count < 2)
        {
            problems.Add("At least two events are needed.");
        }

        return problems;
    }
}

/// <summary>Optional numeric customer features (already numeric; the builder standardizes them). Missing customers get zeros.</summary>
public sealed record CustomerFeatureTable(IReadOnlyList<string> Names, IReadOnlyDictionary<string, float[]> ByCustomer);
