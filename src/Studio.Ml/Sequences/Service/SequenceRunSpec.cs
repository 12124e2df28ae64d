using Studio.Ml.Sequences.Training;

namespace Studio.Ml.Sequences.Service;

/// <summary>What the model predicts after a history: the next item, or the next item's category.</summary>
public enum SequenceTarget
{
    Item,
    Category,
}

/// <summary>Where a category comes from: none, a column of the events table, or a join with a products dataset.</summary>
public sealed record CategorySource
{
    /// <summary>A column of the events dataset holding the item's category.</summary>
    public string? EventsColumn { get; init; }

    /// <summary>A products dataset joined on <see cref="ProductsItemColumn"/> = the events' item column.</summary>
    public int? ProductsDatasetId { get; init; }

    public string? ProductsItemColumn { get; init; }

    public string? ProductsCategoryColumn { get; init; }

    public bool IsJoin => ProductsDatasetId is not null;
}

/// <summary>
/// A behaviour-sequence run as stored in a training run's spec: how to read interactions from an events dataset,
/// what to predict, and the model spec. Immutable; the trained checkpoint carries <see cref="Sequence"/>.
/// </summary>
public sealed record SequenceRunSpec
{
    public required string CustomerColumn { get; init; }

    public required string ItemColumn { get; init; }

    public required string TimestampColumn { get; init; }

    public string? EventTypeColumn { get; init; }

    public CategorySource Category { get; init; } = new();

    public SequenceTarget Target { get; init; } = SequenceTarget.Item;

    public SequenceSpec Sequence { get; init; } = new() { MergeRepeatedItems = true };

    public bool HasCategory => Category.EventsColumn is not null || Category.IsJoin;

    /// <summary>The name the category goes by: the events column, or the joined products dataset's column; null without one.</summary>
    public string? CategoryColumn => Category.EventsColumn ?? Category.ProductsCategoryColumn;

    /// <summary>The model family shown in run lists: "Behaviour sequence (attention)" or "(mean pooling)".</summary>
    public string FamilyName => SequenceFamilies.NameOf(Sequence.Model);

    /// <summary>Problems that do not need the data (column choices, combinations); empty when the spec can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Sequence.Validate());
        var chosen = new[] { CustomerColumn, ItemColumn, TimestampColumn }.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (chosen.Count < 3)
        {
            problems.Add("Choose the customer, item and timestamp columns.");
        }
        else if (chosen.Distinct(StringComparer.Ordinal).Count() < 3)
        {
            problems.Add("Customer, item and timestamp must be three different columns.");
        }

        if (Category.EventsColumn is not null && Category.IsJoin)
        {
            problems.Add("Take the category either from an events column or from a products dataset, not both.");
        }

        if (Category.IsJoin && (string.IsNullOrWhiteSpace(Category.ProductsItemColumn) || string.IsNullOrWhiteSpace(Category.ProductsCategoryColumn)))
        {
            problems.Add("A products join needs the products' item column and category column.");
        }

        if (Target == SequenceTarget.Category && !HasCategory)
        {
            problems.Add("Predicting the next category needs a category (an events column or a products join).");
        }

        return problems;
    }
}

public static class SequenceFamilies
{
    public const string Attention = "Behaviour sequence (attention)";
    public const string MeanPooling = "Behaviour sequence (mean pooling)";

    public static string NameOf(SequenceModelKind kind) => kind == SequenceModelKind.MeanPooling ? MeanPooling : Attention;

    /// <summary>Whether a stored run's model kind is a behaviour-sequence model.</summary>
    public static bool Contains(string? modelKind) => modelKind is Attention or MeanPooling;

    /// <summary>Test metric name prefix under which a run stores the popularity baseline's ranking metrics.</summary>
    public const string PopularityPrefix = "popularity_";
}
