namespace Studio.Ml.Sequences.Attention;

/// <summary>
/// One history event with the weight the model put on it for a candidate. Weights of a sequence sum to 1
/// (0 for an empty history). Recency 1 is the most recent event.
/// </summary>
public sealed record AttendedEvent(int Recency, DateTime Timestamp, string ItemId, string Category, string EventType, string TimeGap, double Weight);

/// <summary>A customer's last T events (oldest first) with their weights for one candidate, and the candidate's probability.</summary>
public sealed record CustomerAttention(
    string CustomerId,
    string CandidateItemId,
    string CandidateCategory,
    double Probability,
    DateTime PredictionTime,
    IReadOnlyList<AttendedEvent> Events);

/// <summary>A recommended candidate with the events that drove it (highest weight first).</summary>
public sealed record CandidateExplanation(string ItemId, string Category, double Probability, IReadOnlyList<AttendedEvent> TopEvents);

/// <summary>
/// Mean attention of a group of history positions. <see cref="MeanLift"/> is the weight times the number of valid
/// positions of its sequence: 1 means "as much as uniform pooling would give", 3 means three times that.
/// </summary>
public sealed record AttentionShare(string Key, double MeanWeight, double MeanLift, long Positions);

public sealed record CategoryPairAttention(string HistoryCategory, string TargetCategory, double MeanWeight, double MeanLift, long Positions);

/// <summary>
/// Attention over many sequences. Each customer contributes one sequence: the events before their last interaction,
/// attended against that last interaction's item (the actual next item).
/// </summary>
public sealed record AttentionAggregates(
    int Sequences,
    IReadOnlyList<AttentionShare> ByEventType,
    IReadOnlyList<AttentionShare> ByRecency,
    IReadOnlyList<CategoryPairAttention> ByCategoryPair);
