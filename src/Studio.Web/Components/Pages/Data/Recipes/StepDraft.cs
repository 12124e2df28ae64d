using System.Globalization;
using Studio.Analysis.Recipes;
using Studio.Core.Datasets;

namespace Studio.Web.Components.Pages.Data.Recipes;

public enum StepKind { DropDuplicates, Impute, Outliers, Filter, DropColumns, Rename, ChangeType, TimestampParts, Log, Bucket, CustomerAggregates }

/// <summary>The editable form of one step; <see cref="ToStep"/> validates and builds the immutable step.</summary>
public sealed class StepDraft
{
    public StepKind Kind { get; set; } = StepKind.Impute;
    public string Column { get; set; } = "";
    /// <summary>Comma-separated columns (drop columns; key columns of drop duplicates, empty = all).</summary>
    public string Columns { get; set; } = "";
    public string NewName { get; set; } = "";
    public ImputeMethod Method { get; set; } = ImputeMethod.Median;
    public string Value { get; set; } = "";
    public OutlierRule Rule { get; set; } = OutlierRule.Iqr;
    public double Threshold { get; set; } = 1.5;
    public OutlierAction Action { get; set; } = OutlierAction.Clip;
    public FilterOperator Operator { get; set; } = FilterOperator.GreaterThan;
    public ColumnType Type { get; set; } = ColumnType.Categorical;
    public ConversionRule Conversion { get; set; } = ConversionRule.Default;
    /// <summary>The date format (DateFormat rule) or culture name (Locale rule) of a change-type step.</summary>
    public string Format { get; set; } = "";
    public UnconvertibleValues Unconvertible { get; set; } = UnconvertibleValues.Fail;
    public string TimeZone { get; set; } = "UTC";
    public string Edges { get; set; } = "";
    public int EventsDatasetId { get; set; }
    public string EventCustomerColumn { get; set; } = "customer_id";
    public string TimestampColumn { get; set; } = "timestamp";
    public string AmountColumn { get; set; } = "revenue";
    public string CategoryColumn { get; set; } = "event_type";
    public string ItemColumn { get; set; } = "product_id";
    public int LastN { get; set; } = 3;

    public static string Label(StepKind kind) => kind switch
    {
        StepKind.DropDuplicates => "Drop duplicates",
        StepKind.Impute => "Impute missing values",
        StepKind.Outliers => "Clip or drop outliers",
        StepKind.Filter => "Filter rows",
        StepKind.DropColumns => "Drop columns",
        StepKind.Rename => "Rename a column",
        StepKind.ChangeType => "Change a column's type",
        StepKind.TimestampParts => "Timestamp → hour, weekday, month, weekend, sin/cos",
        StepKind.Log => "Log transform",
        StepKind.Bucket => "Bucket a number",
        _ => "Per-customer aggregates from events (RFM, shares, last items)",
    };

    /// <exception cref="RecipeException">A field is missing or invalid; the message says which.</exception>
    public RecipeStep ToStep()
    {
        string Need(string value, string what) =>
            string.IsNullOrWhiteSpace(value) ? throw new RecipeException($"Choose {what}.") : value.Trim();
        IReadOnlyList<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return Kind switch
        {
            StepKind.DropDuplicates => new DropDuplicatesStep(List(Columns)),
            StepKind.Impute => new ImputeStep(Need(Column, "a column"), Method,
                Method == ImputeMethod.Constant ? Need(Value, "the constant to fill with") : null),
            StepKind.Outliers => Threshold > 0 ? new OutlierStep(Need(Column, "a column"), Rule, Threshold, Action)
                : throw new RecipeException("The threshold must be positive (1.5 for IQR, 3 for z is usual)."),
            StepKind.Filter => new FilterRowsStep(Need(Column, "a column"), Operator,
                Operator is FilterOperator.IsMissing or FilterOperator.IsNotMissing ? null : Need(Value, "a value to compare with")),
            StepKind.DropColumns => List(Columns) is { Count: > 0 } drop ? new DropColumnsStep(drop) : throw new RecipeException("Name the columns to drop."),
            StepKind.Rename => new RenameColumnStep(Need(Column, "a column"), Need(NewName, "the new name")),
            StepKind.ChangeType => new ChangeTypeStep(Need(Column, "a column"), Type, Conversion,
                Conversion is ConversionRule.DateFormat ? Need(Format, "a date format such as dd.MM.yyyy HH:mm")
                : Conversion is ConversionRule.Locale ? Need(Format, "a locale such as de-DE") : null, Unconvertible),
            StepKind.TimestampParts => new TimestampPartsStep(Need(Column, "a date-time column"), Optional(TimeZone)),
            StepKind.Log => new LogTransformStep(Need(Column, "a column")),
            StepKind.Bucket => new BucketStep(Need(Column, "a column"), ParseEdges()),
            _ => EventsDatasetId > 0
                ? new CustomerAggregatesStep(EventsDatasetId, Need(Column, "the customer id column"), Need(EventCustomerColumn, "the events' customer column"),
                    Need(TimestampColumn, "the events' timestamp column"), Optional(AmountColumn), Optional(CategoryColumn), Optional(ItemColumn), LastN)
                : throw new RecipeException("Choose the events dataset."),
        };
    }

    private List<double> ParseEdges()
    {
        var edges = new List<double>();
        foreach (var part in Edges.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                throw new RecipeException($"\"{part}\" is not a number; write edges like 0, 10, 100.");
            edges.Add(x);
        }
        return edges;
    }

    public static StepDraft From(RecipeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var d = new StepDraft();
        switch (step)
        {
            case DropDuplicatesStep s: d.Kind = StepKind.DropDuplicates; d.Columns = string.Join(", ", s.KeyColumns ?? []); break;
            case ImputeStep s: d.Kind = StepKind.Impute; d.Column = s.Column; d.Method = s.Method; d.Value = s.Constant ?? ""; break;
            case OutlierStep s: d.Kind = StepKind.Outliers; d.Column = s.Column; d.Rule = s.Rule; d.Threshold = s.Threshold; d.Action = s.Action; break;
            case FilterRowsStep s: d.Kind = StepKind.Filter; d.Column = s.Column; d.Operator = s.Operator; d.Value = s.Value ?? ""; break;
            case DropColumnsStep s: d.Kind = StepKind.DropColumns; d.Columns = string.Join(", ", s.Columns); break;
            case RenameColumnStep s: d.Kind = StepKind.Rename; d.Column = s.Column; d.NewName = s.NewName; break;
            case ChangeTypeStep s:
                d.Kind = StepKind.ChangeType; d.Column = s.Column; d.Type = s.Type; d.Conversion = s.Rule; d.Format = s.Format ?? "";
                d.Unconvertible = s.Unconvertible;
                break;
            case TimestampPartsStep s: d.Kind = StepKind.TimestampParts; d.Column = s.Column; d.TimeZone = s.TimeZone ?? ""; break;
            case LogTransformStep s: d.Kind = StepKind.Log; d.Column = s.Column; break;
            case BucketStep s: d.Kind = StepKind.Bucket; d.Column = s.Column; d.Edges = string.Join(", ", s.Edges.Select(e => e.ToString(CultureInfo.InvariantCulture))); break;
            case CustomerAggregatesStep s:
                d.Kind = StepKind.CustomerAggregates; d.Column = s.CustomerColumn; d.EventsDatasetId = s.EventsDatasetId;
                d.EventCustomerColumn = s.EventCustomerColumn; d.TimestampColumn = s.TimestampColumn; d.AmountColumn = s.AmountColumn ?? "";
                d.CategoryColumn = s.CategoryColumn ?? ""; d.ItemColumn = s.ItemColumn ?? ""; d.LastN = s.LastN;
                break;
        }
        return d;
    }
}
