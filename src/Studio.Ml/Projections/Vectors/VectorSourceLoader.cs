using Studio.Analysis.Projections;
using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Models;
using Studio.Ml.Checkpoints;
using Studio.Ml.Sequences.Checkpoints;
using Studio.Ml.Sequences.Service;
using Studio.Ml.Service;
using Studio.Ml.Training;

namespace Studio.Ml.Projections.Vectors;

/// <summary>
/// Loads the vectors a finished training run offers from its checkpoint: each categorical field's embedding table
/// (entities = the field's categories, the unknown bucket left out) and the last hidden layer over the run's
/// dataset (entities = values of the dataset's first identifier column; rows sharing a key are averaged).
/// A behaviour-sequence run offers its item table, its category table when it has categories, and each customer's
/// behaviour vector: the mean of the item and category embeddings of their last T interactions (what the model's
/// mean-pooling reads), so customers of a sequence model can be projected, clustered and selected like any others.
/// Stateless; every call loads its own model.
/// </summary>
public sealed class VectorSourceLoader(TrainingRunStore runs, DatasetRepository datasets, DatasetTableStore tables, DatasetFeatureLoader features,
    SequenceEventsLoader sequenceEvents)
{
    /// <summary>Label of entities when the dataset has no identifier column (keys are 1-based row numbers).</summary>
    public const string RowEntityLabel = "row";

    /// <summary>The sources of a run, embedding tables first (in the spec's field order), then the hidden layer.</summary>
    /// <exception cref="InvalidOperationException">The run does not exist or has no checkpoint.</exception>
    public async Task<IReadOnlyList<VectorSourceInfo>> ListSourcesAsync(int runId, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(runId, cancellationToken);
        if (SequenceTrainingService.SpecOf(run) is { } sequenceSpec)
            return SequenceSources(run, sequenceSpec, await datasets.FindAsync(run.DatasetId, cancellationToken));
        var dataset = await datasets.FindAsync(run.DatasetId, cancellationToken);
        using var model = ModelCheckpoint.Load(run.CheckpointPath!);
        var sources = new List<VectorSourceInfo>();
        for (var field = 0; field < model.Encoder.Categorical.Count; field++)
        {
            var vocabulary = model.Encoder.Categorical[field];
            var width = (int)model.Network.EmbeddingTable(field).shape[1];
            var spec = new VectorSourceSpec(runId, VectorSourceKind.EmbeddingTable, vocabulary.Column);
            sources.Add(new VectorSourceInfo(spec, vocabulary.Column, $"Embedding of {vocabulary.Column}",
                vocabulary.Cardinality - 1, width));
        }

        if (dataset is not null)
        {
            var key = KeyColumn(dataset);
            var count = key is null ? dataset.RowCount : key.DistinctCount > 0 ? key.DistinctCount : dataset.RowCount;
            sources.Add(new VectorSourceInfo(new VectorSourceSpec(runId, VectorSourceKind.HiddenLayer),
                key?.Name ?? RowEntityLabel, $"Last hidden layer over {dataset.Name} v{dataset.Version}",
                (int)Math.Min(count, int.MaxValue), HiddenWidth(model)));
        }
        return sources;
    }

    /// <exception cref="InvalidOperationException">No run, no checkpoint, or the run's dataset is gone.</exception>
    /// <exception cref="KeyNotFoundException">The field is not a categorical field of the model.</exception>
    public async Task<EntityVectors> LoadAsync(VectorSourceSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var run = await FindRunAsync(spec.TrainingRunId, cancellationToken);
        if (SequenceTrainingService.SpecOf(run) is { } sequenceSpec)
        {
            return spec.Kind == VectorSourceKind.HiddenLayer
                ? await BehaviourVectorsAsync(run, sequenceSpec, cancellationToken)
                : SequenceVectors(run, sequenceSpec, spec);
        }
        using var model = ModelCheckpoint.Load(run.CheckpointPath!);
        return spec.Kind switch
        {
            VectorSourceKind.EmbeddingTable => EmbeddingVectors(model.Embedding(RequireField(spec.Field)), run.DatasetId),
            VectorSourceKind.HiddenLayer => await HiddenVectorsAsync(model, run, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown vector source."),
        };
    }

    /// <summary>Changes whenever the run's checkpoint file is rewritten: part of every cache key over its vectors.</summary>
    public static string CheckpointVersion(TrainingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stamp = run.CheckpointPath is { } path && File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0;
        return FormattableString.Invariant($"run{run.Id}@{stamp}");
    }

    public static DatasetColumn? KeyColumn(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Columns.OrderBy(c => c.Ordinal).FirstOrDefault(c => c.Type == ColumnType.Identifier);
    }

    private async Task<TrainingRun> FindRunAsync(int runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Training run {runId} does not exist.");
        if (run.CheckpointPath is null || !File.Exists(run.CheckpointPath))
        {
            throw new InvalidOperationException($"Training run {runId} ({run.Name}) is {run.Status} and has no checkpoint yet.");
        }
        return run;
    }

    private static IReadOnlyList<VectorSourceInfo> SequenceSources(TrainingRun run, SequenceRunSpec spec, Dataset? events)
    {
        using var model = SequenceCheckpoint.Load(run.CheckpointPath!);
        var width = model.Spec.ItemDimension;
        var sources = new List<VectorSourceInfo>
        {
            new(new VectorSourceSpec(run.Id, VectorSourceKind.EmbeddingTable, spec.ItemColumn), spec.ItemColumn,
                $"Item embedding of {spec.ItemColumn}", model.Vocabulary.Items.Count, width),
        };
        if (spec.CategoryColumn is { } category && model.Vocabulary.Categories.Count > 0)
        {
            sources.Add(new VectorSourceInfo(new VectorSourceSpec(run.Id, VectorSourceKind.EmbeddingTable, category), category,
                $"Category embedding of {category}", model.Vocabulary.Categories.Count, width));
        }
        if (events is not null)
        {
            var customers = events.Columns.FirstOrDefault(c => c.Name == spec.CustomerColumn)?.DistinctCount ?? 0;
            sources.Add(new VectorSourceInfo(new VectorSourceSpec(run.Id, VectorSourceKind.HiddenLayer), spec.CustomerColumn,
                $"Behaviour of each {spec.CustomerColumn} (last {model.Spec.MaxLength} interactions) over {events.Name} v{events.Version}",
                (int)Math.Min(customers, int.MaxValue), 2 * width));
        }
        return sources;
    }

    /// <summary>
    /// One vector per customer with known interactions: the mean over their last T interactions of the item embedding
    /// concatenated with the category embedding (row 0, padding, for items without a category).
    /// </summary>
    private async Task<EntityVectors> BehaviourVectorsAsync(TrainingRun run, SequenceRunSpec runSpec, CancellationToken cancellationToken)
    {
        var events = await datasets.FindAsync(run.DatasetId, cancellationToken)
            ?? throw new InvalidOperationException($"The events dataset {run.DatasetId} of run {run.Id} no longer exists.");
        var log = await sequenceEvents.LoadAsync(events, runSpec, cancellationToken);
        return await Task.Run(() =>
        {
            using var model = SequenceCheckpoint.Load(run.CheckpointPath!);
            var histories = model.HistoriesOf(log);
            var items = model.ItemEmbedding(runSpec.ItemColumn).Vectors;
            var categories = model.CategoryEmbedding(runSpec.CategoryColumn ?? "category").Vectors;
            var itemWidth = items[0].Length;
            var width = itemWidth + categories[0].Length;
            var keys = new List<string>(histories.Count);
            var values = new List<double>(histories.Count * width);
            var mean = new double[width];
            for (var c = 0; c < histories.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var timeline = histories[c];
                if (timeline.Count == 0) continue;
                Array.Clear(mean);
                var first = Math.Max(0, timeline.Count - model.Spec.MaxLength);
                for (var e = first; e < timeline.Count; e++)
                {
                    var item = items[timeline.Items[e]];
                    var category = categories[timeline.Categories[e]];
                    for (var j = 0; j < itemWidth; j++) mean[j] += item[j];
                    for (var j = 0; j < category.Length; j++) mean[itemWidth + j] += category[j];
                }
                var n = timeline.Count - first;
                keys.Add(timeline.CustomerId);
                values.AddRange(mean.Select(v => v / n));
            }
            if (keys.Count == 0) throw new InvalidOperationException($"No customer of run {run.Id} has an interaction the model knows.");
            return new EntityVectors(runSpec.CustomerColumn, keys, new PointMatrix(keys.Count, width, [.. values]), run.DatasetId);
        }, cancellationToken);
    }

    private static EntityVectors SequenceVectors(TrainingRun run, SequenceRunSpec runSpec, VectorSourceSpec spec)
    {
        var field = RequireField(spec.Field);
        using var model = SequenceCheckpoint.Load(run.CheckpointPath!);
        if (field == runSpec.ItemColumn) return EmbeddingVectors(model.ItemEmbedding(field), run.DatasetId);
        if (field == runSpec.CategoryColumn) return EmbeddingVectors(model.CategoryEmbedding(field), run.DatasetId);
        throw new KeyNotFoundException($"\"{field}\" is not an embedding of sequence run {run.Id}: it has {runSpec.ItemColumn}"
            + (runSpec.CategoryColumn is { } c ? $" and {c}." : "."));
    }

    private static string RequireField(string? field) =>
        string.IsNullOrEmpty(field) ? throw new ArgumentException("An embedding-table source needs a field.", nameof(field)) : field;

    private static EntityVectors EmbeddingVectors(EmbeddingTable table, int datasetId)
    {
        var field = table.Field;
        // Row 0 is the unknown bucket (padding in a sequence model): not an entity anyone can act on.
        var keys = table.Labels.Skip(1).ToList();
        if (keys.Count == 0) throw new InvalidOperationException($"The embedding of \"{field}\" has no categories.");
        var width = table.Vectors[0].Length;
        var values = new double[keys.Count * width];
        for (var i = 0; i < keys.Count; i++)
        {
            var row = table.Vectors[i + 1];
            for (var j = 0; j < width; j++) values[i * width + j] = row[j];
        }
        return new EntityVectors(field, keys, new PointMatrix(keys.Count, width, values), datasetId);
    }

    private async Task<EntityVectors> HiddenVectorsAsync(TrainedModel model, TrainingRun run, CancellationToken cancellationToken)
    {
        var dataset = await datasets.FindAsync(run.DatasetId, cancellationToken)
            ?? throw new InvalidOperationException($"Dataset {run.DatasetId} of run {run.Id} no longer exists.");
        var table = await features.LoadAsync(dataset, model.Spec, cancellationToken);
        var keyColumn = KeyColumn(dataset);
        var rowKeys = keyColumn is null ? null : await ReadKeysAsync(dataset, keyColumn, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var hidden = model.HiddenActivations(table);
        var averaged = KeyAveraging.Average(hidden, rowKeys);
        return new EntityVectors(keyColumn?.Name ?? RowEntityLabel, averaged.Keys, averaged.Vectors, dataset.Id);
    }

    private async Task<string?[]> ReadKeysAsync(Dataset dataset, DatasetColumn column, CancellationToken cancellationToken)
    {
        var keys = new List<string?>((int)Math.Min(dataset.RowCount, int.MaxValue));
        await foreach (var row in tables.ReadAllAsync(dataset.TableName, [column], cancellationToken))
        {
            keys.Add(DatasetFeatureLoader.AsLabel(row[0]));
        }
        return keys.ToArray();
    }

    private static int HiddenWidth(TrainedModel model)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        using var noGrad = TorchSharp.torch.no_grad();
        model.Network.eval();
        var categorical = TorchSharp.torch.zeros(1, model.Encoder.FieldCount, TorchSharp.torch.ScalarType.Int64);
        var numeric = TorchSharp.torch.zeros(1, model.Encoder.NumericWidth, TorchSharp.torch.ScalarType.Float32);
        return (int)model.Network.Represent(categorical, numeric).shape[1];
    }
}
