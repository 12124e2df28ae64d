using Studio.Core.Datasets;
using Studio.Data.Datasets;

namespace Studio.Analysis.Experiments.Stored;

/// <summary>One arm of a designed experiment and its traffic weight (any positive scale).</summary>
public sealed record DesignArm(string Variant, double Weight);

/// <summary>What to assign: units of a dataset split over arms after a holdout share is set aside. Same seed, same list.</summary>
/// <param name="Members">When set, only units whose id is in this set are assigned (a segment's members; the holdout is
/// taken from them too); null assigns every unit of the dataset.</param>
public sealed record ExperimentDesign(int SourceDatasetId, string UnitColumn, IReadOnlyList<DesignArm> Arms, double HoldoutShare, int Seed, string Name,
    IReadOnlySet<string>? Members = null, string? SegmentName = null)
{
    public const string HoldoutVariant = "holdout";
}

/// <summary>Writes an assignment list (unit_id, variant, assigned_at) as a new dataset of role Experiments.</summary>
public sealed class ExperimentDesigner(DatasetRepository datasets, DatasetTableStore tables, TimeProvider clock)
{
    /// <summary>Validation messages for a design; empty when it can run.</summary>
    public static IReadOnlyList<string> Validate(ExperimentDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var problems = new List<string>();
        if (design.Arms.Count < 2) problems.Add("An experiment needs at least two arms (a control and a treatment).");
        if (design.Arms.Any(a => !(a.Weight > 0))) problems.Add("Every arm needs a positive weight.");
        if (design.Arms.Select(a => a.Variant).Distinct(StringComparer.Ordinal).Count() != design.Arms.Count) problems.Add("Arm names must be distinct.");
        if (design.Arms.Any(a => a.Variant == ExperimentDesign.HoldoutVariant)) problems.Add($"'{ExperimentDesign.HoldoutVariant}' is reserved for the holdout.");
        if (!(design.HoldoutShare >= 0 && design.HoldoutShare < 1)) problems.Add("The holdout share must be at least 0 % and below 100 %.");
        if (string.IsNullOrWhiteSpace(design.Name)) problems.Add("The assignment list needs a name.");
        return problems;
    }

    public async Task<Dataset> AssignAsync(ExperimentDesign design, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        var problems = Validate(design);
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(design));
        var source = await datasets.FindAsync(design.SourceDatasetId, cancellationToken)
            ?? throw new ArgumentException($"Dataset {design.SourceDatasetId} does not exist.", nameof(design));
        var columns = source.Columns.OrderBy(c => c.Ordinal).ToList();
        var unitColumn = columns.Find(c => c.Name == design.UnitColumn)
            ?? throw new ArgumentException($"Dataset '{source.Name}' has no column '{design.UnitColumn}'.", nameof(design));
        var units = new List<string>();
        await foreach (var row in tables.ReadAllAsync(source.TableName, [unitColumn], cancellationToken))
        {
            if (row[0] is not { } value) continue;
            var unit = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            if (design.Members is null || design.Members.Contains(unit)) units.Add(unit);
        }

        if (design.Members is not null && units.Count == 0)
        {
            throw new ArgumentException(
                $"No value of column '{design.UnitColumn}' in dataset '{source.Name}' is a member of segment '{design.SegmentName}'; pick the column that holds the segment's keys.", nameof(design));
        }

        var variants = Assign(units.Count, design);
        var assignedAt = clock.GetUtcNow().UtcDateTime;
        var dataset = new Dataset
        {
            Name = design.Name.Trim(),
            WorkspaceId = source.WorkspaceId,
            Role = DatasetRole.Experiments,
            TableName = DatasetTableStore.NewTableName(),
            DerivationJson = System.Text.Json.JsonSerializer.Serialize(new { design = design with { Members = null }, segmentMembers = design.Members?.Count }),
        };
        string[] names = ["unit_id", "variant", "assigned_at"];
        ColumnType[] types = [ColumnType.Identifier, ColumnType.Categorical, ColumnType.DateTime];
        for (var i = 0; i < names.Length; i++)
        {
            dataset.Columns.Add(new DatasetColumn { Ordinal = i, Name = names[i], StorageName = DatasetTableStore.StorageNameFor(i), Type = types[i] });
        }

        return await datasets.SaveNextVersionAsync(dataset, (writer, ct) =>
        {
            for (var i = 0; i < units.Count; i++)
            {
                if (i % 10_000 == 0) ct.ThrowIfCancellationRequested();
                writer.Text(0, units[i]);
                writer.Text(1, variants[i]);
                writer.Utc(2, assignedAt);
                writer.EndRow();
            }
        }, cancellationToken);
    }

    /// <summary>A seeded shuffle, then contiguous blocks: holdout first, then each arm by its share of the rest.</summary>
    public static string[] Assign(int unitCount, ExperimentDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var order = Enumerable.Range(0, unitCount).ToArray();
        new Random(design.Seed).Shuffle(order);
        var result = new string[unitCount];
        var holdout = (int)Math.Round(unitCount * design.HoldoutShare);
        var rest = unitCount - holdout;
        var total = design.Arms.Sum(a => a.Weight);
        var position = 0;
        for (; position < holdout; position++) result[order[position]] = ExperimentDesign.HoldoutVariant;
        var cumulative = 0.0;
        foreach (var arm in design.Arms)
        {
            cumulative += arm.Weight;
            var end = holdout + (int)Math.Round(rest * cumulative / total);
            for (; position < end; position++) result[order[position]] = arm.Variant;
        }

        return result;
    }
}
