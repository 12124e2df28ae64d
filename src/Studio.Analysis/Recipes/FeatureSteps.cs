using System.Globalization;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>Feature engineering on one table: timestamp parts, log and bucket transforms. New columns are appended.</summary>
internal static class FeatureSteps
{
    public static StepResult TimestampParts(WorkingTable table, TimestampPartsStep step)
    {
        var c = table.IndexOf(step.Column);
        if (table.Columns[c].Type != ColumnType.DateTime)
            throw new RecipeException($"Time parts need a date-time column; '{step.Column}' is {table.Columns[c].Type}.");
        var zone = FindZone(step.TimeZone);
        var name = step.Column;
        TableColumn[] added =
        [
            new(name + "_hour", ColumnType.Integer), new(name + "_weekday", ColumnType.Integer), new(name + "_month", ColumnType.Integer),
            new(name + "_weekend", ColumnType.Boolean), new(name + "_hour_sin", ColumnType.Decimal), new(name + "_hour_cos", ColumnType.Decimal),
            new(name + "_weekday_sin", ColumnType.Decimal), new(name + "_weekday_cos", ColumnType.Decimal),
        ];
        var log = new ChangeLog();
        var rows = Extend(table, added.Length, (row, extra) =>
        {
            if (row[c] is not DateTimeOffset when) return;
            var local = TimeZoneInfo.ConvertTime(when, zone);
            var weekday = local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek;
            extra[0] = (long)local.Hour;
            extra[1] = (long)weekday;
            extra[2] = (long)local.Month;
            extra[3] = weekday >= 6;
            extra[4] = Math.Sin(2 * Math.PI * local.Hour / 24);
            extra[5] = Math.Cos(2 * Math.PI * local.Hour / 24);
            extra[6] = Math.Sin(2 * Math.PI * (weekday - 1) / 7);
            extra[7] = Math.Cos(2 * Math.PI * (weekday - 1) / 7);
            log.Values += added.Length;
        }, log);
        return log.Result(new WorkingTable([.. table.Columns, .. added], rows), $"{added.Length} time columns added in {zone.Id}");
    }

    public static StepResult Log(WorkingTable table, LogTransformStep step)
    {
        var c = table.IndexOf(step.Column);
        if (!CellValues.IsNumeric(table.Columns[c].Type))
            throw new RecipeException($"A log transform needs a numeric column; '{step.Column}' is {table.Columns[c].Type}.");
        long negative = 0;
        var log = new ChangeLog();
        var rows = Extend(table, 1, (row, extra) =>
        {
            if (CellValues.AsDouble(row[c]) is not { } x) return;
            if (x < 0) { negative++; return; }
            extra[0] = Math.Log(1 + x);
            log.Values++;
        }, log);
        return log.Result(new WorkingTable([.. table.Columns, new TableColumn(step.Column + "_log", ColumnType.Decimal)], rows),
            $"{step.Column}_log = ln(1 + {step.Column}); {negative:N0} negative value(s) left missing");
    }

    public static StepResult Bucket(WorkingTable table, BucketStep step)
    {
        var c = table.IndexOf(step.Column);
        if (!CellValues.IsNumeric(table.Columns[c].Type))
            throw new RecipeException($"Buckets need a numeric column; '{step.Column}' is {table.Columns[c].Type}.");
        var edges = step.Edges;
        if (edges.Count < 2 || edges.Zip(edges.Skip(1)).Any(p => p.First >= p.Second))
            throw new RecipeException("Bucket edges must be at least two strictly ascending numbers.");
        var labels = edges.Zip(edges.Skip(1), (a, b) => string.Create(CultureInfo.InvariantCulture, $"[{a:G}, {b:G})")).ToArray();
        long outside = 0;
        var log = new ChangeLog();
        var rows = Extend(table, 1, (row, extra) =>
        {
            if (CellValues.AsDouble(row[c]) is not { } x) return;
            var i = Enumerable.Range(0, labels.Length).FirstOrDefault(k => x >= edges[k] && x < edges[k + 1], -1);
            if (i < 0 && x == edges[^1]) i = labels.Length - 1;
            if (i < 0) { outside++; return; }
            extra[0] = labels[i];
            log.Values++;
        }, log);
        return log.Result(new WorkingTable([.. table.Columns, new TableColumn(step.Column + "_bucket", ColumnType.Categorical)], rows),
            $"{labels.Length} buckets; {outside:N0} value(s) outside the edges left missing");
    }

    internal static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new RecipeException($"Unknown time zone '{id}'.", e);
        }
    }

    /// <summary>Appends <paramref name="count"/> cells to every row; <paramref name="fill"/> writes them (left null when not).</summary>
    internal static List<object?[]> Extend(WorkingTable table, int count, Action<object?[], object?[]> fill, ChangeLog log)
    {
        var rows = new List<object?[]>(table.Rows.Count);
        var extra = new object?[count];
        for (var i = 0; i < table.Rows.Count; i++)
        {
            Array.Clear(extra);
            fill(table.Rows[i], extra);
            object?[] row = [.. table.Rows[i], .. extra];
            if (i < ChangeLog.DefaultSamples) log.Row(i, table.Rows[i], row);
            rows.Add(row);
        }
        return rows;
    }
}
