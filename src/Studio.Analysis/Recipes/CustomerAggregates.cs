using System.Globalization;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>Recency, frequency, monetary value, category shares and last items per customer, from an events table.</summary>
internal static class CustomerAggregates
{
    public static StepResult Apply(WorkingTable customers, WorkingTable events, CustomerAggregatesStep step)
    {
        var key = customers.IndexOf(step.CustomerColumn);
        var eventKey = events.IndexOf(step.EventCustomerColumn);
        var time = events.IndexOf(step.TimestampColumn);
        if (events.Columns[time].Type != ColumnType.DateTime)
            throw new RecipeException($"'{step.TimestampColumn}' of the events is {events.Columns[time].Type}, not a date-time.");
        var amount = step.AmountColumn is { Length: > 0 } a ? events.IndexOf(a) : -1;
        var category = step.CategoryColumn is { Length: > 0 } cat ? events.IndexOf(cat) : -1;
        var item = step.ItemColumn is { Length: > 0 } it ? events.IndexOf(it) : -1;
        if (step.LastN is < 0 or > 50) throw new RecipeException("Last-N items must be between 0 and 50.");

        var asOf = step.AsOf ?? events.Rows.Select(r => r[time]).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var categories = category < 0 ? [] : events.Rows.Select(r => CellValues.AsText(r[category])).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var byCustomer = events.Rows
            .Where(r => r[eventKey] is not null && r[time] is DateTimeOffset t && t <= asOf)
            .GroupBy(r => CellValues.AsText(r[eventKey])!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => (DateTimeOffset)r[time]!).ToList(), StringComparer.Ordinal);

        List<TableColumn> added = [new("recency_days", ColumnType.Decimal), new("frequency", ColumnType.Integer)];
        if (amount >= 0) added.Add(new("monetary", ColumnType.Decimal));
        added.AddRange(categories.Select(c => new TableColumn("share_" + c, ColumnType.Decimal)));
        if (item >= 0 && step.LastN > 0) added.Add(new($"last_{step.LastN.ToString(CultureInfo.InvariantCulture)}_items", ColumnType.Text));

        long matched = 0;
        var log = new ChangeLog();
        var rows = FeatureSteps.Extend(customers, added.Count, (row, extra) =>
        {
            var id = CellValues.AsText(row[key]);
            extra[1] = 0L;
            if (amount >= 0) extra[2] = 0.0;
            if (id is null || !byCustomer.TryGetValue(id, out var mine)) return;
            matched++;
            var k = 0;
            extra[k++] = (asOf - (DateTimeOffset)mine[^1][time]!).TotalDays;
            extra[k++] = (long)mine.Count;
            if (amount >= 0) extra[k++] = mine.Sum(r => CellValues.AsDouble(r[amount]) ?? 0);
            foreach (var c in categories)
                extra[k++] = (double)mine.Count(r => CellValues.AsText(r[category]) == c) / mine.Count;
            if (item >= 0 && step.LastN > 0)
                extra[k] = string.Join('|', mine.AsEnumerable().Reverse().Select(r => CellValues.AsText(r[item])).OfType<string>().Take(step.LastN));
            log.Values += added.Count;
        }, log);
        return log.Result(new WorkingTable([.. customers.Columns, .. added], rows),
            $"{added.Count} aggregate column(s); {matched:N0} of {customers.Rows.Count:N0} customers have events up to {asOf:yyyy-MM-dd HH:mm}");
    }
}
