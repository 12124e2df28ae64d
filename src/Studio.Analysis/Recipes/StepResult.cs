namespace Studio.Analysis.Recipes;

/// <summary>One row a step changed: its 1-based number in the step's input and its cells before and after (null after = dropped).</summary>
public sealed record RowChange(long RowNumber, IReadOnlyList<object?> Before, IReadOnlyList<object?>? After);

/// <summary>What a step did: the new table, how many rows and values it touched, and a few changed rows to show.</summary>
public sealed record StepResult(WorkingTable Table, long RowsAffected, long ValuesAffected, string Summary, IReadOnlyList<RowChange> Samples);

/// <summary>Collects counts and the first few changed rows while a step runs.</summary>
internal sealed class ChangeLog(int sampleSize = ChangeLog.DefaultSamples)
{
    public const int DefaultSamples = 5;
    private readonly List<RowChange> _samples = [];

    public long Rows { get; private set; }
    public long Values { get; set; }

    public void Row(int index, object?[] before, object?[]? after)
    {
        Rows++;
        if (_samples.Count < sampleSize) _samples.Add(new RowChange(index + 1L, before, after));
    }

    public StepResult Result(WorkingTable table, string summary) => new(table, Rows, Values, summary, _samples);
}
