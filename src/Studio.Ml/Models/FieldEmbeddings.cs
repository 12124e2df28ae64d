using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Studio.Ml.Models;

/// <summary>One embedding table per categorical field.</summary>
public sealed class FieldEmbeddings : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<Embedding> _tables;

    public FieldEmbeddings(IReadOnlyList<int> cardinalities, IReadOnlyList<int> dimensions, double initStd)
        : base(nameof(FieldEmbeddings))
    {
        ArgumentNullException.ThrowIfNull(cardinalities);
        ArgumentNullException.ThrowIfNull(dimensions);
        _tables = nn.ModuleList(cardinalities.Select((c, f) => nn.Embedding(c, dimensions[f])).ToArray());
        Width = dimensions.Sum();
        RegisterComponents();
        using var noGrad = torch.no_grad();
        foreach (var table in _tables)
        {
            if (initStd == 0)
            {
                nn.init.zeros_(table.weight!);
            }
            else
            {
                nn.init.normal_(table.weight!, 0, initStd);
            }
        }
    }

    /// <summary>Sum of the field dimensions: the width of <see cref="forward"/>'s output.</summary>
    public int Width { get; }

    public int Count => _tables.Count;

    public Tensor Table(int field) => _tables[field].weight!;

    /// <summary>Each field's embeddings, [B x d_f] per field.</summary>
    public IReadOnlyList<Tensor> Lookup(Tensor categorical) =>
        _tables.Select((table, f) => table.forward(categorical.select(1, f))).ToList();

    /// <summary>
    /// The field embeddings concatenated, [B x sum(d_f)]; [B x 0] when there is no categorical field (libtorch's cat
    /// refuses an empty list with the bare message "tensors", which is what an all-numeric MLP used to fail with).
    /// </summary>
    public override Tensor forward(Tensor categorical) =>
        _tables.Count == 0
            ? torch.zeros(categorical.shape[0], 0, dtype: ScalarType.Float32, device: categorical.device)
            : torch.cat(Lookup(categorical).ToList(), 1);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tables.Dispose();
        }

        base.Dispose(disposing);
    }
}
