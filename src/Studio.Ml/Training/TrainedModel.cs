using Studio.Ml.Evaluation;
using Studio.Ml.Features;
using Studio.Ml.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

/// <summary>A learned embedding table: one vector per category (row 0 is the unknown bucket).</summary>
public sealed record EmbeddingTable(string Field, IReadOnlyList<string> Labels, float[][] Vectors);

/// <summary>
/// The fitted artifact: the spec that produced it, the fitted encoder, and the network. Scores tables with
/// exactly the vocabulary and scaling used in training. Not thread-safe: score from one thread at a time.
/// </summary>
public sealed class TrainedModel : IDisposable
{
    public TrainedModel(TrainingSpec spec, FeatureEncoder encoder, TabularModel network)
    {
        Spec = spec;
        Encoder = encoder;
        Network = network;
    }

    public TrainingSpec Spec { get; }

    public FeatureEncoder Encoder { get; }

    public TabularModel Network { get; }

    /// <summary>Scores every row of <paramref name="table"/>; targets are filled where the table has the target column.</summary>
    public Predictions Predict(FeatureTable table, int batchSize = 8192)
    {
        using var data = ToTensors(table);
        return Predict(data, batchSize);
    }

    /// <summary>The last hidden layer's activations per row of <paramref name="table"/>.</summary>
    public float[][] HiddenActivations(FeatureTable table, int batchSize = 8192)
    {
        using var data = ToTensors(table);
        var width = 0;
        var chunks = new List<float[]>();
        ForEachChunk(data, batchSize, (cat, num, _) =>
        {
            var hidden = Network.Represent(cat, num);
            width = (int)hidden.shape[1];
            chunks.Add(hidden.contiguous().data<float>().ToArray());
        });
        return chunks.SelectMany(c => c.Chunk(Math.Max(width, 1))).ToArray();
    }

    public EmbeddingTable Embedding(string field)
    {
        var index = Encoder.Categorical.Select(v => v.Column).ToList().IndexOf(field);
        if (index < 0)
        {
            throw new KeyNotFoundException($"\"{field}\" is not a categorical field of this model.");
        }

        using var scope = torch.NewDisposeScope();
        var table = Network.EmbeddingTable(index).detach().contiguous();
        var width = (int)table.shape[1];
        var vocabulary = Encoder.Categorical[index];
        var vectors = table.data<float>().ToArray().Chunk(width).ToArray();
        return new EmbeddingTable(field, Enumerable.Range(0, vocabulary.Cardinality).Select(vocabulary.LabelOf).ToList(), vectors);
    }

    internal TensorData ToTensors(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var hasTarget = table.IsCategorical(Spec.TargetColumn) || table.IsNumeric(Spec.TargetColumn);
        var target = hasTarget ? Encoder.Target.Encode(table) : Enumerable.Repeat(float.NaN, table.RowCount).ToArray();
        return TensorData.From(Encoder.Encode(table), target, Enumerable.Range(0, table.RowCount).ToArray(), Spec.Task == PredictionTask.MultiClass);
    }

    internal Predictions Predict(TensorData data, int batchSize) => Evaluate(data, batchSize, loss: null).Predictions;

    /// <summary>Predictions for every row and, when a loss is given, its mean over the rows.</summary>
    internal (Predictions Predictions, double Loss) Evaluate(TensorData data, int batchSize, LossFunction? loss)
    {
        var outputs = new List<float[]>();
        double lossSum = 0;
        ForEachChunk(data, batchSize, (cat, num, target) =>
        {
            var raw = Network.forward(cat, num);
            if (loss is not null)
            {
                lossSum += loss.Compute(raw, target).item<float>() * cat.shape[0];
            }

            var mapped = Spec.Task switch
            {
                PredictionTask.Binary => torch.sigmoid(raw.squeeze(1)),
                PredictionTask.MultiClass => torch.softmax(raw, 1),
                _ => raw.squeeze(1),
            };
            outputs.Add(mapped.contiguous().data<float>().ToArray());
        });
        return (ToPredictions(data, outputs.SelectMany(o => o).ToArray()), data.Count == 0 ? double.NaN : lossSum / data.Count);
    }

    private Predictions ToPredictions(TensorData data, float[] flat)
    {
        var target = Encoder.Target;
        double[] targets = data.Target.dtype == ScalarType.Int64
            ? data.Target.data<long>().Select(t => t < 0 ? double.NaN : t).ToArray()
            : data.Target.data<float>().Select(t => Spec.Task == PredictionTask.Regression ? target.Decode(t) : t).ToArray();
        if (Spec.Task == PredictionTask.MultiClass)
        {
            var probabilities = flat.Chunk(target.OutputCount).Select(row => row.Select(p => (double)p).ToArray()).ToArray();
            var predicted = probabilities.Select(p => (double)MultiClassMetrics.PredictedClass(p)).ToArray();
            return new Predictions(Spec.Task, target.Classes, data.Rows, predicted, probabilities, targets);
        }

        var scores = Spec.Task == PredictionTask.Regression ? flat.Select(target.Decode).ToArray() : flat.Select(p => (double)p).ToArray();
        return new Predictions(Spec.Task, target.Classes, data.Rows, scores, null, targets);
    }

    private void ForEachChunk(TensorData data, int batchSize, Action<Tensor, Tensor, Tensor> forward)
    {
        Network.eval();
        using var noGrad = torch.no_grad();
        for (long start = 0; start < data.Count; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(batchSize, data.Count - start);
            forward(data.Categorical.narrow(0, start, length), data.Numeric.narrow(0, start, length), data.Target.narrow(0, start, length));
        }
    }

    public void Dispose() => Network.Dispose();
}
