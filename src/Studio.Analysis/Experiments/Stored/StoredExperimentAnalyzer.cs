using System.Globalization;
using System.Text.Json;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;
using Studio.Analysis.Experiments.Validation;
using Studio.Data.Datasets;
using Studio.Data.Experiments;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>A stored experiment analysed: the engine's analysis plus the spec and the dataset it read.</summary>
public sealed record StoredExperimentAnalysis(ExperimentDefinition Definition, ExperimentSpec Spec, string DatasetName, ExperimentAnalysis Analysis)
{
    public ExperimentReadout? Readout => Analysis.Readout;
    public IReadOnlyList<ValidationIssue> Issues => Analysis.Issues;
}

/// <summary>Reads a stored experiment's dataset version through its mapping and runs the statistics engine on it.</summary>
public sealed class StoredExperimentAnalyzer(DatasetRepository datasets, DatasetTableStore tables, IExperimentAnalyzer analyzer)
{
    public async Task<StoredExperimentAnalysis> AnalyzeAsync(ExperimentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var mapping = ExperimentMapping.FromJson(definition.MappingJson);
        var options = ExperimentOptions.FromJson(definition.SpecOptionsJson);
        var split = string.IsNullOrWhiteSpace(definition.IntendedSplitJson)
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, double>>(definition.IntendedSplitJson, ExperimentJson.Options);
        var spec = options.ToSpec(definition.Name, definition.ControlVariant, split);
        var dataset = await datasets.FindAsync(definition.DatasetId, cancellationToken);
        if (dataset is null)
        {
            return Refused(definition, spec, "(missing)", $"Experiment '{definition.Name}': dataset {definition.DatasetId} no longer exists.");
        }

        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var missing = mapping.Columns().Where(m => columns.All(c => c.Name != m.Column)).ToList();
        if (missing.Count > 0)
        {
            return Refused(definition, spec, dataset.Name, string.Join(" ", missing.Select(m =>
                $"Experiment '{definition.Name}': the {m.Role} column '{m.Column}' is not in dataset '{dataset.Name}' v{dataset.Version}.")));
        }

        var read = await ReadAsync(dataset, columns, mapping, definition.Name, cancellationToken);
        if (read.Problems.Count > 0)
        {
            return new StoredExperimentAnalysis(definition, spec, dataset.Name, new ExperimentAnalysis(null,
                [.. read.Problems.Select(p => new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, p))]));
        }

        var analysis = await Task.Run(() => analyzer.TryAnalyze(read.Log!, spec, cancellationToken), cancellationToken);
        return new StoredExperimentAnalysis(definition, spec, dataset.Name, analysis);
    }

    private static StoredExperimentAnalysis Refused(ExperimentDefinition definition, ExperimentSpec spec, string datasetName, string message) =>
        new(definition, spec, datasetName, new ExperimentAnalysis(null, [new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, message)]));

    private sealed record ReadResult(ExperimentLog? Log, List<string> Problems);

    private async Task<ReadResult> ReadAsync(Dataset dataset, List<DatasetColumn> columns, ExperimentMapping mapping, string name, CancellationToken ct)
    {
        int Index(string? column) => column is null ? -1 : columns.FindIndex(c => c.Name == column);
        var unit = Index(mapping.UnitId);
        var variant = Index(mapping.Variant);
        var time = Index(mapping.AssignedAt);
        var converted = Index(mapping.Converted);
        var revenue = Index(mapping.Revenue);
        var pre = Index(mapping.PreCovariate);
        var filter = Index(mapping.ExperimentColumn);
        var segments = (mapping.Segments ?? []).Select(s => (Name: s, Index: Index(s), Values: new List<string?>())).ToList();
        var units = new List<string>();
        var variants = new List<string>();
        var times = new List<DateTimeOffset>();
        var conv = new List<double?>();
        var rev = new List<double?>();
        var pres = new List<double?>();
        var problems = new List<string>();
        long row = 0;
        await foreach (var values in tables.ReadAllAsync(dataset.TableName, columns, ct))
        {
            row++;
            if (filter >= 0 && !string.Equals(Text(values[filter]), mapping.ExperimentValue, StringComparison.Ordinal)) continue;
            if (problems.Count >= 5) continue;
            var unitId = Text(values[unit]);
            var arm = Text(values[variant]);
            var at = Time(values[time]);
            if (unitId is null) { problems.Add(Where(name, mapping.UnitId, row, "has no unit id")); continue; }
            if (arm is null) { problems.Add(Where(name, mapping.Variant, row, "has no variant")); continue; }
            if (at is null) { problems.Add(Where(name, mapping.AssignedAt, row, $"has no readable assignment time ('{Text(values[time])}')")); continue; }
            units.Add(unitId);
            variants.Add(arm);
            times.Add(at.Value);
            if (converted >= 0) conv.Add(Number(values[converted], name, mapping.Converted!, row, problems));
            if (revenue >= 0) rev.Add(Number(values[revenue], name, mapping.Revenue!, row, problems));
            if (pre >= 0) pres.Add(Number(values[pre], name, mapping.PreCovariate!, row, problems));
            foreach (var s in segments) s.Values.Add(Text(values[s.Index]));
        }

        if (problems.Count > 0) return new ReadResult(null, problems);
        if (units.Count == 0)
        {
            var why = filter >= 0 ? $" with {mapping.ExperimentColumn} = '{mapping.ExperimentValue}'" : "";
            return new ReadResult(null, [$"Experiment '{name}': dataset '{dataset.Name}' v{dataset.Version} has no rows{why}."]);
        }

        var builder = new ExperimentLogBuilder(name).WithUnitIds(units).WithVariants(variants).WithAssignedAt(times);
        if (converted >= 0) builder.WithConverted(conv);
        if (revenue >= 0) builder.WithRevenue(rev);
        if (pre >= 0) builder.WithPreCovariate(pres);
        foreach (var s in segments) builder.WithSegment(s.Name, s.Values);
        return new ReadResult(builder.Build(), problems);
    }

    private static string Where(string name, string column, long row, string what) =>
        $"Experiment '{name}': row {row.ToString(CultureInfo.InvariantCulture)} {what} (column '{column}').";

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTimeOffset? Time(object? value) => value switch
    {
        DateTimeOffset d => d,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => null,
    };

    private static double? Number(object? value, string name, string column, long row, List<string> problems)
    {
        switch (value)
        {
            case null: return null;
            case bool b: return b ? 1 : 0;
            case long l: return l;
            case double d: return double.IsNaN(d) ? null : d;
            case string s when s.Length == 0: return null;
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d): return d;
            case string s when bool.TryParse(s, out var b): return b ? 1 : 0;
            default:
                problems.Add(Where(name, column, row, $"has '{value}', which is not a number"));
                return null;
        }
    }
}
