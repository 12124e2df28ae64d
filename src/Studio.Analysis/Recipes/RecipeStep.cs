using System.Text.Json;
using System.Text.Json.Serialization;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>One step of a cleaning or feature recipe; serialised with a <c>kind</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DropDuplicatesStep), "dropDuplicates")]
[JsonDerivedType(typeof(ImputeStep), "impute")]
[JsonDerivedType(typeof(OutlierStep), "outliers")]
[JsonDerivedType(typeof(FilterRowsStep), "filter")]
[JsonDerivedType(typeof(DropColumnsStep), "dropColumns")]
[JsonDerivedType(typeof(RenameColumnStep), "rename")]
[JsonDerivedType(typeof(ChangeTypeStep), "changeType")]
[JsonDerivedType(typeof(TimestampPartsStep), "timestampParts")]
[JsonDerivedType(typeof(LogTransformStep), "log")]
[JsonDerivedType(typeof(BucketStep), "bucket")]
[JsonDerivedType(typeof(CustomerAggregatesStep), "customerAggregates")]
public abstract record RecipeStep
{
    /// <summary>What the step does, in words an analyst reads in the step list and the lineage.</summary>
    public abstract string Describe();
}

/// <summary>Keeps the first of rows equal in <see cref="KeyColumns"/> (all columns when empty).</summary>
public sealed record DropDuplicatesStep(IReadOnlyList<string>? KeyColumns = null) : RecipeStep
{
    public override string Describe() => KeyColumns is { Count: > 0 }
        ? $"Drop rows repeating the key ({string.Join(", ", KeyColumns)})"
        : "Drop duplicate rows";
}

public enum ImputeMethod { Mean, Median, Mode, Constant, MissingCategory }

/// <summary>Fills missing values of one column. <see cref="MissingCategory"/> writes the label "missing".</summary>
public sealed record ImputeStep(string Column, ImputeMethod Method, string? Constant = null) : RecipeStep
{
    public const string MissingLabel = "missing";
    public override string Describe() => Method == ImputeMethod.Constant
        ? $"Fill missing {Column} with \"{Constant}\""
        : $"Fill missing {Column} with the {Method.ToString().ToLowerInvariant()}";
}

public enum OutlierRule { Iqr, ZScore }
public enum OutlierAction { Clip, Drop }

/// <summary>
/// IQR rule: outside [Q1 − k·IQR, Q3 + k·IQR] (k = <see cref="Threshold"/>, usually 1.5); z rule: |x − mean| / std &gt; k
/// (usually 3). Clip moves values to the nearest bound; drop removes the rows.
/// </summary>
public sealed record OutlierStep(string Column, OutlierRule Rule, double Threshold, OutlierAction Action) : RecipeStep
{
    public override string Describe() =>
        $"{Action} {Column} outliers ({(Rule == OutlierRule.Iqr ? $"{Threshold:0.##}×IQR" : $"|z| > {Threshold:0.##}")})";
}

public enum FilterOperator { Equals, NotEquals, LessThan, LessOrEqual, GreaterThan, GreaterOrEqual, Contains, IsMissing, IsNotMissing }

/// <summary>Keeps the rows where the condition holds.</summary>
public sealed record FilterRowsStep(string Column, FilterOperator Operator, string? Value = null) : RecipeStep
{
    public override string Describe() => $"Keep rows where {Column} {Operator} {Value}".TrimEnd();
}

public sealed record DropColumnsStep(IReadOnlyList<string> Columns) : RecipeStep
{
    public override string Describe() => $"Drop column(s) {string.Join(", ", Columns)}";
}

public sealed record RenameColumnStep(string Column, string NewName) : RecipeStep
{
    public override string Describe() => $"Rename {Column} to {NewName}";
}

/// <summary>How a change-type step reads the old values.</summary>
public enum ConversionRule
{
    /// <summary>Invariant numbers (1234.5), ISO and common date spellings, true/false/yes/no/1/0.</summary>
    Default,
    /// <summary>Whole or fractional seconds since 1970-01-01 UTC → date-time.</summary>
    UnixSeconds,
    /// <summary>Milliseconds since 1970-01-01 UTC → date-time.</summary>
    UnixMilliseconds,
    /// <summary>Text in the .NET date format <see cref="ChangeTypeStep.Format"/> (e.g. dd.MM.yyyy HH:mm) → date-time, read as UTC.</summary>
    DateFormat,
    /// <summary>Numbers written with the decimal mark and grouping of the culture <see cref="ChangeTypeStep.Format"/> (e.g. de-DE: 1.234,5).</summary>
    Locale,
}

/// <summary>What a change-type step does with a value that does not convert.</summary>
public enum UnconvertibleValues
{
    /// <summary>The step fails, counting them and naming the first rows and values; nothing changes.</summary>
    Fail,
    /// <summary>They become missing, counted in the step's summary (the analyst's explicit choice).</summary>
    Missing,
}

/// <summary>
/// Re-types a column by <see cref="Rule"/>. A value that does not convert fails the step (with counts and examples)
/// unless the analyst chose <see cref="UnconvertibleValues.Missing"/>: a column is never blanked quietly.
/// </summary>
public sealed record ChangeTypeStep(string Column, ColumnType Type, ConversionRule Rule = ConversionRule.Default, string? Format = null,
    UnconvertibleValues Unconvertible = UnconvertibleValues.Fail) : RecipeStep
{
    public override string Describe() => Rule switch
    {
        ConversionRule.Default => $"Change {Column} to {Type}",
        ConversionRule.UnixSeconds => $"Change {Column} to {Type} (Unix seconds)",
        ConversionRule.UnixMilliseconds => $"Change {Column} to {Type} (Unix milliseconds)",
        _ => $"Change {Column} to {Type} ({Rule} {Format})",
    } + (Unconvertible == UnconvertibleValues.Missing ? ", values that do not convert become missing" : "");
}

/// <summary>
/// Adds hour, weekday (1 = Monday … 7 = Sunday), month, weekend flag and cyclic sin/cos of hour and weekday,
/// read in <see cref="TimeZone"/> (an IANA or Windows id; UTC when empty).
/// </summary>
public sealed record TimestampPartsStep(string Column, string? TimeZone = null) : RecipeStep
{
    public override string Describe() => $"Time parts of {Column} ({(string.IsNullOrEmpty(TimeZone) ? "UTC" : TimeZone)})";
}

/// <summary>Adds ln(1 + x) as <c>{Column}_log</c>; negative values become missing.</summary>
public sealed record LogTransformStep(string Column) : RecipeStep
{
    public override string Describe() => $"Log of {Column}";
}

/// <summary>Adds <c>{Column}_bucket</c>: a label per interval of the ascending <see cref="Edges"/> ("[a, b)").</summary>
public sealed record BucketStep(string Column, IReadOnlyList<double> Edges) : RecipeStep
{
    public override string Describe() => $"Bucket {Column} at {string.Join(", ", Edges)}";
}

/// <summary>
/// Per-customer aggregates from an events dataset joined on the customer id: recency (days since the last event
/// before <see cref="AsOf"/>, default the last event in the data), frequency (events), monetary value (sum of
/// <see cref="AmountColumn"/>), share of events per category (via <see cref="CategoryColumn"/>) and the last
/// <see cref="LastN"/> items. Customers without events get frequency 0 and missing recency.
/// </summary>
public sealed record CustomerAggregatesStep(
    int EventsDatasetId,
    string CustomerColumn,
    string EventCustomerColumn,
    string TimestampColumn,
    string? AmountColumn = null,
    string? CategoryColumn = null,
    string? ItemColumn = null,
    int LastN = 3,
    DateTimeOffset? AsOf = null) : RecipeStep
{
    public override string Describe() => $"Customer aggregates from events dataset #{EventsDatasetId}";
}

/// <summary>An ordered list of steps, replayable on any version with the columns it names.</summary>
public sealed record Recipe(IReadOnlyList<RecipeStep> Steps)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Recipe FromJson(string json) =>
        JsonSerializer.Deserialize<Recipe>(json, Json) ?? throw new RecipeException("The recipe JSON is empty.");
}
