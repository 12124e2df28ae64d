namespace Studio.Analysis.Recipes;

/// <summary>Loads another dataset version as a table (a customer-aggregates step reads its events this way).</summary>
public delegate Task<WorkingTable> DatasetResolver(int datasetId, CancellationToken cancellationToken);

/// <summary>Runs recipe steps on in-memory tables; pure apart from the resolver, so every step can be tested with exact numbers.</summary>
public static class RecipeEngine
{
    public static async Task<StepResult> ApplyAsync(WorkingTable table, RecipeStep step, DatasetResolver? resolve = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(step);
        return step switch
        {
            DropDuplicatesStep s => CleaningSteps.DropDuplicates(table, s),
            ImputeStep s => CleaningSteps.Impute(table, s),
            OutlierStep s => CleaningSteps.Outliers(table, s),
            FilterRowsStep s => CleaningSteps.Filter(table, s),
            DropColumnsStep s => CleaningSteps.DropColumns(table, s),
            RenameColumnStep s => CleaningSteps.Rename(table, s),
            ChangeTypeStep s => CleaningSteps.ChangeType(table, s),
            TimestampPartsStep s => FeatureSteps.TimestampParts(table, s),
            LogTransformStep s => FeatureSteps.Log(table, s),
            BucketStep s => FeatureSteps.Bucket(table, s),
            CustomerAggregatesStep s => CustomerAggregates.Apply(table,
                await (resolve ?? throw new RecipeException("Customer aggregates need access to the events dataset."))(s.EventsDatasetId, cancellationToken), s),
            _ => throw new RecipeException($"Unknown step {step.GetType().Name}."),
        };
    }

    /// <summary>The bounds an outlier step uses on this table (values outside are clipped or dropped).</summary>
    public static (double Lower, double Upper) OutlierBounds(WorkingTable table, OutlierStep step)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(step);
        return CleaningSteps.OutlierBounds(table, step);
    }

    public static StepResult Apply(WorkingTable table, RecipeStep step) => ApplyAsync(table, step).GetAwaiter().GetResult();

    /// <summary>Runs every step in order; a failing step is named by its 1-based position.</summary>
    public static async Task<(WorkingTable Table, IReadOnlyList<StepResult> Steps)> RunAsync(WorkingTable table, Recipe recipe,
        DatasetResolver? resolve = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        var results = new List<StepResult>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await ApplyAsync(table, recipe.Steps[i], resolve, cancellationToken);
                results.Add(result);
                table = result.Table;
            }
            catch (RecipeException e)
            {
                throw new RecipeException($"Step {i + 1} ({recipe.Steps[i].Describe()}): {e.Message}", e);
            }
        }
        return (table, results);
    }
}
