using Studio.Ml.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace Studio.Ml.Training;

/// <summary>
/// A split held as whole tensors (categorical int64 [n x fields], numeric float32 [n x width], target [n]:
/// int64 class indices for multi-class, float32 otherwise). Batches are cut with index_select, never from managed arrays.
/// </summary>
public sealed class TensorData : IDisposable
{
    public TensorData(Tensor categorical, Tensor numeric, Tensor target, IReadOnlyList<int> rows)
    {
        Categorical = categorical;
        Numeric = numeric;
        Target = target;
        Rows = rows;
    }

    public Tensor Categorical { get; }

    public Tensor Numeric { get; }

    public Tensor Target { get; }

    /// <summary>The source table's row number of each tensor row.</summary>
    public IReadOnlyList<int> Rows { get; }

    public int Count => Rows.Count;

    public static TensorData From(EncodedFeatures features, float[] target, IReadOnlyList<int> rows, bool classIndices)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.Count;
        var categorical = new long[n * features.Fields];
        var numeric = new float[n * features.NumericWidth];
        for (var i = 0; i < n; i++)
        {
            Array.Copy(features.Categorical, (long)rows[i] * features.Fields, categorical, (long)i * features.Fields, features.Fields);
            Array.Copy(features.Numeric, (long)rows[i] * features.NumericWidth, numeric, (long)i * features.NumericWidth, features.NumericWidth);
        }

        var targets = rows.Select(r => target[r]).ToArray();
        var targetTensor = classIndices
            ? torch.tensor(targets.Select(t => float.IsNaN(t) ? -100L : (long)t).ToArray())
            : torch.tensor(targets);
        return new TensorData(
            torch.tensor(categorical, [n, features.Fields]),
            torch.tensor(numeric, [n, features.NumericWidth]),
            targetTensor,
            rows);
    }

    public void Dispose()
    {
        Categorical.Dispose();
        Numeric.Dispose();
        Target.Dispose();
    }
}
