using System.Globalization;
using Studio.Analysis.Profiling;
using Studio.Core.Datasets;

namespace Studio.Analysis.Recipes;

/// <summary>Row and value cleaning: duplicates, imputation, outliers, filters, column edits and type changes.</summary>
internal static class CleaningSteps
{
    public static StepResult DropDuplicates(WorkingTable table, DropDuplicatesStep step)
    {
        var keys = step.KeyColumns is { Count: > 0 } k ? k.Select(table.IndexOf).ToArray() : [.. Enumerable.Range(0, table.Columns.Count)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<object?[]>(table.Rows.Count);
        var log = new ChangeLog();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var key = string.Join('\u001f', keys.Select(c => row[c] is null ? "\u0000" : CellValues.AsText(row[c])));
            if (seen.Add(key)) kept.Add(row);
            else log.Row(i, row, null);
        }
        return log.Result(table with { Rows = kept }, $"{log.Rows:N0} duplicate row(s) dropped");
    }

    public static StepResult Impute(WorkingTable table, ImputeStep step)
    {
        var c = table.IndexOf(step.Column);
        var column = table.Columns[c];
        var present = table.Values(c).Where(v => v is not null).ToList();
        object fill;
        var type = column.Type;
        switch (step.Method)
        {
            case ImputeMethod.Mean or ImputeMethod.Median:
                if (!CellValues.IsNumeric(column.Type)) throw new RecipeException($"{step.Method} imputation needs a numeric column; '{column.Name}' is {column.Type}.");
                var numbers = present.Select(v => CellValues.AsDouble(v)!.Value).Order().ToArray();
                if (numbers.Length == 0) throw new RecipeException($"'{column.Name}' has no values to compute a {step.Method.ToString().ToLowerInvariant()} from.");
                var value = step.Method == ImputeMethod.Mean ? numbers.Average() : NumericStatistics.Quantile(numbers, 0.5);
                type = CellValues.NumericTypeAfter(column.Type, [value]);
                fill = CellValues.Numeric(value, type);
                break;
            case ImputeMethod.Mode:
                fill = present.GroupBy(v => v).Select((g, order) => (g.Key, Count: g.Count(), order))
                    .OrderByDescending(g => g.Count).ThenBy(g => g.order).Select(g => g.Key).FirstOrDefault()
                    ?? throw new RecipeException($"'{column.Name}' has no values to take a mode from.");
                break;
            case ImputeMethod.Constant:
                if (!CellValues.TryParse(step.Constant, column.Type, out var constant) || constant is null)
                    throw new RecipeException($"\"{step.Constant}\" is not a valid {column.Type} value for '{column.Name}'.");
                fill = constant;
                break;
            default:
                if (column.Type is not (ColumnType.Categorical or ColumnType.Text or ColumnType.Identifier))
                    throw new RecipeException($"A \"missing\" category needs a categorical or text column; '{column.Name}' is {column.Type}.");
                fill = ImputeStep.MissingLabel;
                break;
        }
        var log = new ChangeLog();
        var rows = MapRows(table, (i, row) =>
        {
            if (type != column.Type && row[c] is long l) row[c] = (double)l;
            if (row[c] is not null) return false;
            row[c] = fill;
            log.Values++;
            return true;
        }, log);
        var columns = Replace(table.Columns, c, column with { Type = type });
        return log.Result(new WorkingTable(columns, rows), $"{log.Values:N0} missing value(s) of {column.Name} filled with {CellValues.AsText(fill)}");
    }

    public static (double Lower, double Upper) OutlierBounds(WorkingTable table, OutlierStep step)
    {
        var c = table.IndexOf(step.Column);
        if (!CellValues.IsNumeric(table.Columns[c].Type))
            throw new RecipeException($"Outliers need a numeric column; '{step.Column}' is {table.Columns[c].Type}.");
        if (!(step.Threshold > 0)) throw new RecipeException("The outlier threshold must be positive.");
        var sorted = table.Values(c).Select(CellValues.AsDouble).Where(v => v.HasValue).Select(v => v!.Value).Order().ToArray();
        if (sorted.Length == 0) return (double.NegativeInfinity, double.PositiveInfinity);
        if (step.Rule == OutlierRule.Iqr)
        {
            var q1 = NumericStatistics.Quantile(sorted, 0.25);
            var q3 = NumericStatistics.Quantile(sorted, 0.75);
            return (q1 - step.Threshold * (q3 - q1), q3 + step.Threshold * (q3 - q1));
        }
        var summary = NumericStatistics.Summarise(sorted);
        return (summary.Mean - step.Threshold * summary.StdDev, summary.Mean + step.Threshold * summary.StdDev);
    }

    public static StepResult Outliers(WorkingTable table, OutlierStep step)
    {
        var (lower, upper) = OutlierBounds(table, step);
        var c = table.IndexOf(step.Column);
        var column = table.Columns[c];
        var log = new ChangeLog();
        var bounds = string.Create(CultureInfo.CurrentCulture, $"[{lower:G6}, {upper:G6}]");
        if (step.Action == OutlierAction.Drop)
        {
            var kept = new List<object?[]>();
            for (var i = 0; i < table.Rows.Count; i++)
            {
                var x = CellValues.AsDouble(table.Rows[i][c]);
                if (x is { } v && (v < lower || v > upper)) log.Row(i, table.Rows[i], null);
                else kept.Add(table.Rows[i]);
            }
            log.Values = log.Rows;
            return log.Result(table with { Rows = kept }, $"{log.Rows:N0} row(s) outside {bounds} dropped");
        }
        var type = CellValues.NumericTypeAfter(column.Type, [lower, upper]);
        var rows = MapRows(table, (_, row) =>
        {
            if (CellValues.AsDouble(row[c]) is not { } v) return false;
            var clipped = Math.Clamp(v, lower, upper);
            row[c] = CellValues.Numeric(clipped, type);
            if (clipped == v) return false;
            log.Values++;
            return true;
        }, log);
        return log.Result(new WorkingTable(Replace(table.Columns, c, column with { Type = type }), rows),
            $"{log.Values:N0} value(s) of {column.Name} clipped to {bounds}");
    }

    public static StepResult Filter(WorkingTable table, FilterRowsStep step)
    {
        var c = table.IndexOf(step.Column);
        var column = table.Columns[c];
        object? operand = null;
        if (step.Operator is not (FilterOperator.IsMissing or FilterOperator.IsNotMissing or FilterOperator.Contains)
            && (!CellValues.TryParse(step.Value, column.Type, out operand) || operand is null))
            throw new RecipeException($"\"{step.Value}\" is not a valid {column.Type} value to compare '{column.Name}' with.");
        var kept = new List<object?[]>();
        var log = new ChangeLog();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var v = table.Rows[i][c];
            var keep = step.Operator switch
            {
                FilterOperator.IsMissing => v is null,
                FilterOperator.IsNotMissing => v is not null,
                FilterOperator.Contains => v is not null && CellValues.AsText(v)!.Contains(step.Value ?? "", StringComparison.OrdinalIgnoreCase),
                _ when v is null => step.Operator == FilterOperator.NotEquals,
                FilterOperator.Equals => CellValues.Compare(v, operand) == 0,
                FilterOperator.NotEquals => CellValues.Compare(v, operand) != 0,
                FilterOperator.LessThan => CellValues.Compare(v, operand) < 0,
                FilterOperator.LessOrEqual => CellValues.Compare(v, operand) <= 0,
                FilterOperator.GreaterThan => CellValues.Compare(v, operand) > 0,
                _ => CellValues.Compare(v, operand) >= 0,
            };
            if (keep) kept.Add(table.Rows[i]);
            else log.Row(i, table.Rows[i], null);
        }
        return log.Result(table with { Rows = kept }, $"{log.Rows:N0} row(s) removed, {kept.Count:N0} kept");
    }

    public static StepResult DropColumns(WorkingTable table, DropColumnsStep step)
    {
        if (step.Columns.Count == 0) throw new RecipeException("Name at least one column to drop.");
        var drop = step.Columns.Select(table.IndexOf).ToHashSet();
        if (drop.Count == table.Columns.Count) throw new RecipeException("A table must keep at least one column.");
        var keep = Enumerable.Range(0, table.Columns.Count).Where(i => !drop.Contains(i)).ToArray();
        var rows = table.Rows.Select(r => keep.Select(i => r[i]).ToArray()).ToList();
        var result = new WorkingTable([.. keep.Select(i => table.Columns[i])], rows);
        return new StepResult(result, 0, drop.Count * (long)table.Rows.Count, $"{drop.Count} column(s) dropped", []);
    }

    public static StepResult Rename(WorkingTable table, RenameColumnStep step)
    {
        var c = table.IndexOf(step.Column);
        var name = step.NewName.Trim();
        if (name.Length == 0) throw new RecipeException("The new column name is empty.");
        if (table.Columns.Where((_, i) => i != c).Any(col => string.Equals(col.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new RecipeException($"The table already has a column '{name}'.");
        return new StepResult(table with { Columns = Replace(table.Columns, c, table.Columns[c] with { Name = name }) }, 0, 0,
            $"{step.Column} renamed to {name}", []);
    }

    public static StepResult ChangeType(WorkingTable table, ChangeTypeStep step)
    {
        var c = table.IndexOf(step.Column);
        var convert = TypeConversion.For(step);
        long failed = 0;
        var examples = new List<string>();
        var log = new ChangeLog();
        var rows = MapRows(table, (i, row) =>
        {
            var before = row[c];
            row[c] = convert(before, out var bad);
            if (bad && failed++ < 5) examples.Add($"row {i + 1}: '{CellValues.AsText(before)}'");
            if (Equals(before, row[c])) return false;
            log.Values++;
            return true;
        }, log);
        if (failed > 0 && step.Unconvertible == UnconvertibleValues.Fail)
            throw new RecipeException(
                $"{failed:N0} value(s) of '{step.Column}' do not convert to {step.Type}{TypeConversion.Describe(step)} " +
                $"({string.Join(", ", examples)}{(failed > 5 ? ", …" : "")}). Nothing was changed: pick a conversion rule " +
                "(Unix seconds or milliseconds, a date format, a locale's decimal mark) or choose to store them as missing.");
        var lost = failed > 0 ? $"; {failed:N0} value(s) did not convert and became missing, as chosen ({string.Join(", ", examples)})" : "";
        return log.Result(new WorkingTable(Replace(table.Columns, c, table.Columns[c] with { Type = step.Type }), rows),
            $"{step.Column} is now {step.Type}{TypeConversion.Describe(step)}{lost}");
    }

    /// <summary>Copies each row, lets <paramref name="change"/> edit the copy and logs the rows it reports changed.</summary>
    internal static List<object?[]> MapRows(WorkingTable table, Func<int, object?[], bool> change, ChangeLog log)
    {
        var rows = new List<object?[]>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var copy = (object?[])table.Rows[i].Clone();
            if (change(i, copy)) log.Row(i, table.Rows[i], copy);
            rows.Add(copy);
        }
        return rows;
    }

    internal static IReadOnlyList<TableColumn> Replace(IReadOnlyList<TableColumn> columns, int index, TableColumn column) =>
        [.. columns.Select((c, i) => i == index ? column : c)];
}
