using Studio.Data.Datasets;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Sequences.Training;
using Studio.Ml.Training;

namespace Studio.Web.Components.Pages.Models;

public enum CategoryChoice
{
    None,
    EventsColumn,
    ProductsJoin,
}

/// <summary>The sequence form's editable state; <see cref="Build"/> turns it into a spec or the problems that stop it.</summary>
public sealed class SequenceFormModel
{
    public string Name { get; set; } = "";
    public string? Customer { get; set; }
    public string? Item { get; set; }
    public string? Timestamp { get; set; }
    public string? EventType { get; set; }
    public CategoryChoice Category { get; set; }
    public string? CategoryColumn { get; set; }
    public int? ProductsDatasetId { get; set; }
    public string? ProductsItem { get; set; }
    public string? ProductsCategory { get; set; }
    public SequenceTarget Target { get; set; } = SequenceTarget.Item;
    public SequenceModelKind Model { get; set; } = SequenceModelKind.TargetAttention;
    public AttentionScoring Scoring { get; set; } = AttentionScoring.Mlp;
    public int MaxLength { get; set; } = 20;
    public int Epochs { get; set; } = 6;
    public int ItemDimension { get; set; } = 16;
    public bool MergeRepeats { get; set; } = true;
    public int Seed { get; set; } = 42;

    /// <summary>Guesses the usual column names of an events table (customer_id, product_id/item_id, timestamp, event_type).</summary>
    public static SequenceFormModel For(Dataset events, Dataset? products)
    {
        ArgumentNullException.ThrowIfNull(events);
        string? Find(Dataset d, params string[] names) =>
            names.Select(n => d.Columns.FirstOrDefault(c => c.Name.Contains(n, StringComparison.OrdinalIgnoreCase))?.Name).FirstOrDefault(n => n is not null);
        var item = Find(events, "product", "item", "sku");
        var model = new SequenceFormModel
        {
            Customer = Find(events, "customer", "user", "client"),
            Item = item,
            Timestamp = Find(events, "timestamp", "time", "date"),
            EventType = Find(events, "event_type", "type", "action"),
            CategoryColumn = Find(events, "category"),
        };
        if (model.CategoryColumn is not null)
        {
            model.Category = CategoryChoice.EventsColumn;
        }
        else if (products is not null && item is not null && products.Columns.Any(c => c.Name == item) && Find(products, "category") is { } category)
        {
            model.Category = CategoryChoice.ProductsJoin;
            model.ProductsDatasetId = products.Id;
            model.ProductsItem = item;
            model.ProductsCategory = category;
        }

        return model;
    }

    public (SequenceRunSpec? Spec, IReadOnlyList<string> Problems) Build(Dataset? events)
    {
        if (events is null)
        {
            return (null, ["Choose an events dataset."]);
        }

        var spec = new SequenceRunSpec
        {
            CustomerColumn = Customer ?? "",
            ItemColumn = Item ?? "",
            TimestampColumn = Timestamp ?? "",
            EventTypeColumn = string.IsNullOrEmpty(EventType) ? null : EventType,
            Category = Category switch
            {
                CategoryChoice.EventsColumn => new CategorySource { EventsColumn = CategoryColumn },
                CategoryChoice.ProductsJoin => new CategorySource { ProductsDatasetId = ProductsDatasetId, ProductsItemColumn = ProductsItem, ProductsCategoryColumn = ProductsCategory },
                _ => new CategorySource(),
            },
            Target = Target,
            Sequence = new SequenceSpec
            {
                Model = Model,
                Scoring = Scoring,
                MaxLength = MaxLength,
                MergeRepeatedItems = MergeRepeats,
                ItemDimension = ItemDimension,
                Epochs = Epochs,
                Seed = Seed,
                Head = new ModelSpec { HiddenSizes = [64, 32], Dropout = 0 },
                BatchSize = 512,
                MaxRankedTargets = 2000,
            },
        };
        var problems = spec.Validate().ToList();
        if (Category == CategoryChoice.EventsColumn && string.IsNullOrEmpty(CategoryColumn))
        {
            problems.Add("Choose the events column that holds the category, or pick another category source.");
        }

        if (Category == CategoryChoice.ProductsJoin && ProductsDatasetId is null)
        {
            problems.Add("Choose the products dataset to join for the category.");
        }

        if (Target == SequenceTarget.Category && MergeRepeats)
        {
            problems.Add("Merging repeats with a category target would merge whole runs of one category into one step: switch one of them off.");
        }

        if (Model == SequenceModelKind.MeanPooling && Scoring == AttentionScoring.DotProduct)
        {
            problems.Add("Mean pooling has no attention scorer: keep the scorer at MLP, or choose target attention.");
        }

        if (events.RowCount < 50)
        {
            problems.Add($"\"{events.Name}\" has only {events.RowCount} rows; a sequence model needs at least 50 events.");
        }

        return (problems.Count == 0 ? spec : null, problems);
    }
}
