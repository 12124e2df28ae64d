using Studio.Core.Datasets;

namespace Studio.Analysis.Segments;

/// <summary>How rules and profiles treat a column.</summary>
public enum AttributeKind
{
    Numeric,
    Category,
    Date,
}

/// <summary>
/// One column of a <see cref="CustomerTable"/>, typed once: numbers as doubles (NaN = missing), categories as labels
/// (booleans as "true"/"false"), dates as UTC ticks (<see cref="long.MinValue"/> = missing).
/// </summary>
public sealed class AttributeColumn
{
    public const long MissingDate = long.MinValue;

    public AttributeColumn(string name, ColumnType type, int rows)
    {
        Name = name;
        Type = type;
        Kind = KindOf(type);
        Numbers = Kind == AttributeKind.Numeric ? new double[rows] : [];
        Labels = Kind == AttributeKind.Category ? new string?[rows] : [];
        DateTicks = Kind == AttributeKind.Date ? new long[rows] : [];
    }

    public string Name { get; }
    public ColumnType Type { get; }
    public AttributeKind Kind { get; }
    public double[] Numbers { get; }
    public string?[] Labels { get; }
    public long[] DateTicks { get; }

    /// <summary>True for columns whose values are worth counting (not ids or free text).</summary>
    public bool IsGroupable => Type is ColumnType.Categorical or ColumnType.Boolean;

    public bool IsMissing(int row) => Kind switch
    {
        AttributeKind.Numeric => double.IsNaN(Numbers[row]),
        AttributeKind.Category => Labels[row] is null,
        _ => DateTicks[row] == MissingDate,
    };

    public static AttributeKind KindOf(ColumnType type) => type switch
    {
        ColumnType.Integer or ColumnType.Decimal => AttributeKind.Numeric,
        ColumnType.DateTime => AttributeKind.Date,
        _ => AttributeKind.Category,
    };
}

/// <summary>A customers dataset version held in memory for rule evaluation and profiles; immutable once loaded.</summary>
public sealed class CustomerTable
{
    private readonly Dictionary<string, int> _rowOfKey;
    private readonly Dictionary<string, AttributeColumn> _byName;

    public CustomerTable(int datasetId, string keyColumn, IReadOnlyList<string> keys, IReadOnlyList<AttributeColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(columns);
        DatasetId = datasetId;
        KeyColumn = keyColumn;
        Keys = keys;
        Columns = columns;
        _rowOfKey = new Dictionary<string, int>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) _rowOfKey.TryAdd(keys[i], i);
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public int DatasetId { get; }
    public string KeyColumn { get; }
    public IReadOnlyList<string> Keys { get; }
    public IReadOnlyList<AttributeColumn> Columns { get; }
    public int RowCount => Keys.Count;

    public AttributeColumn? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The row of a key, or -1.</summary>
    public int RowOf(string key) => _rowOfKey.TryGetValue(key, out var row) ? row : -1;

    /// <summary>A membership mask for member keys (keys not in the table are ignored).</summary>
    public bool[] MaskOf(IEnumerable<string> memberKeys)
    {
        ArgumentNullException.ThrowIfNull(memberKeys);
        var mask = new bool[RowCount];
        foreach (var key in memberKeys)
            if (RowOf(key) is >= 0 and var row) mask[row] = true;
        return mask;
    }
}
