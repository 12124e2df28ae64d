using System.Text.Json.Serialization;

namespace Studio.Ml.Sequences.Data;

/// <summary>
/// Item, category and event-type names by index. Index 0 of every table is padding, so the name of index i is
/// <c>list[i - 1]</c>. Each item has one category: the first one it was seen with. The catalogue is every item.
/// </summary>
public sealed class SequenceVocabulary
{
    private readonly Dictionary<string, int> _items;
    private readonly Dictionary<string, int> _categories;
    private readonly Dictionary<string, int> _eventTypes;

    [JsonConstructor]
    public SequenceVocabulary(IReadOnlyList<string> items, IReadOnlyList<string> categories, IReadOnlyList<string> eventTypes, IReadOnlyList<int> itemCategories)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(eventTypes);
        ArgumentNullException.ThrowIfNull(itemCategories);
        if (itemCategories.Count != items.Count)
        {
            throw new ArgumentException("Every item needs a category index.", nameof(itemCategories));
        }

        Items = items;
        Categories = categories;
        EventTypes = eventTypes;
        ItemCategories = itemCategories;
        _items = Index(items);
        _categories = Index(categories);
        _eventTypes = Index(eventTypes);
    }

    public IReadOnlyList<string> Items { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<string> EventTypes { get; }

    /// <summary>The category index (1-based) of item index i + 1.</summary>
    public IReadOnlyList<int> ItemCategories { get; }

    /// <summary>Rows of the item embedding table (items + padding).</summary>
    [JsonIgnore]
    public int ItemSlots => Items.Count + 1;

    [JsonIgnore]
    public int CategorySlots => Categories.Count + 1;

    [JsonIgnore]
    public int EventTypeSlots => EventTypes.Count + 1;

    public static SequenceVocabulary Fit(InteractionLog events, IReadOnlyList<int> chronologicalRows)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(chronologicalRows);
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var itemCategory = new List<int>();
        foreach (var row in chronologicalRows)
        {
            var category = Add(categories, events.CategoryAt(row));
            Add(types, events.EventTypeAt(row));
            if (!items.ContainsKey(events.ItemIds[row]))
            {
                Add(items, events.ItemIds[row]);
                itemCategory.Add(category);
            }
        }

        return new SequenceVocabulary(Names(items), Names(categories), Names(types), itemCategory);
    }

    public int ItemIndex(string item) => _items.GetValueOrDefault(item);

    public int CategoryIndex(string category) => _categories.GetValueOrDefault(category);

    public int EventTypeIndex(string eventType) => _eventTypes.GetValueOrDefault(eventType);

    public int CategoryOfItem(int item) => item <= 0 ? 0 : ItemCategories[item - 1];

    public string ItemName(int index) => index <= 0 ? string.Empty : Items[index - 1];

    public string CategoryName(int index) => index <= 0 ? string.Empty : Categories[index - 1];

    public string EventTypeName(int index) => index <= 0 ? string.Empty : EventTypes[index - 1];

    private static int Add(Dictionary<string, int> table, string name)
    {
        if (!table.TryGetValue(name, out var index))
        {
            index = table.Count + 1;
            table.Add(name, index);
        }

        return index;
    }

    private static List<string> Names(Dictionary<string, int> table) => table.OrderBy(p => p.Value).Select(p => p.Key).ToList();

    private static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            index[names[i]] = i + 1;
        }

        return index;
    }
}
