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
        var spec = options.ToSpec(definition.Name, definition.ControlVariant, split, [.. mapping.Metrics.Select(m => m.ToSpec())]);
        var dataset = await datasets.FindAsync(definition.DatasetId, cancellationToken);
        if (dataset is null)
        {
            return Refused(definition, spec, "(missing)", $"Experiment '{definition.Name}': dataset {definition.DatasetId} no longer exists.");
        }

        if (mapping.Validate() is { Count: > 0 } invalid)
        {
            return Refused(definition, spec, dataset.Name, string.Join(" ", invalid.Select(p => $"Experiment '{definition.Name}': {p.Field}: {p.Message}")));
        }

        var columns = dataset.Columns.OrderBy(c => c.Ordinal).ToList();
        var missing = mapping.Columns().Where(m => columns.All(c => c.Name != m.Column)).ToList();
        if (missing.Count > 0)
        {
            return Refused(definition, spec, dataset.Name, string.Join(" ", missing.Select(m =>
                $"Experiment '{definition.Name}': the {m.Role} column '{m.Column}' is not in dataset '{dataset.Name}' v{dataset.Version}.")));
        }

        var reader = new MappedRowReader(mapping, columns, definition.Name);
        await foreach (var values in tables.ReadAllAsync(dataset.TableName, columns, cancellationToken))
        {
            reader.Add(values);
        }

        if (reader.Problems.Count == 0 && reader.Rows == 0)
        {
            var why = mapping.ExperimentColumn is not null ? $" with {mapping.ExperimentColumn} = '{mapping.ExperimentValue}'" : "";
            reader.Problems.Add($"Experiment '{definition.Name}': dataset '{dataset.Name}' v{dataset.Version} has no rows{why}.");
        }

        if (reader.Problems.Count > 0)
        {
            return new StoredExperimentAnalysis(definition, spec, dataset.Name, new ExperimentAnalysis(null,
                [.. reader.Problems.Select(p => new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, p))]));
        }

        var analysis = await Task.Run(() => mapping.Shape == InputShape.Units
            ? analyzer.TryAnalyze(reader.BuildLog(), spec, cancellationToken)
            : analyzer.TryAnalyze(reader.BuildSummary(), spec, cancellationToken), cancellationToken);
        return new StoredExperimentAnalysis(definition, spec, dataset.Name, analysis);
    }

    private static StoredExperimentAnalysis Refused(ExperimentDefinition definition, ExperimentSpec spec, string datasetName, string message) =>
        new(definition, spec, datasetName, new ExperimentAnalysis(null, [new ValidationIssue(IssueCode.InvalidSpec, IssueSeverity.Error, message)]));
}
