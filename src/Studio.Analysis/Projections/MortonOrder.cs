namespace Studio.Analysis.Projections;

/// <summary>
/// Orders low-dimensional points along a Z-order (Morton) curve, so points processed one after another are close in
/// space and walk the same Barnes–Hut cells while they are still in cache. The order never changes any result: each
/// point's force is computed independently.
/// </summary>
internal sealed class MortonOrder(int n)
{
    private readonly ulong[] keys = new ulong[n];

    public int[] Order { get; } = Enumerable.Range(0, n).ToArray();

    public void Update(double[] y, int dims)
    {
        var n = Order.Length;
        Span<double> min = stackalloc double[dims];
        Span<double> scale = stackalloc double[dims];
        for (var d = 0; d < dims; d++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                lo = Math.Min(lo, y[i * dims + d]);
                hi = Math.Max(hi, y[i * dims + d]);
            }
            min[d] = lo;
            scale[d] = hi > lo ? 65535.0 / (hi - lo) : 0;
        }
        for (var i = 0; i < n; i++)
        {
            ulong key = 0;
            for (var d = 0; d < dims; d++)
                key |= Spread((uint)((y[i * dims + d] - min[d]) * scale[d]), dims) << d;
            keys[i] = key;
            Order[i] = i;
        }
        Array.Sort(keys.ToArray(), Order);
    }

    // Puts bit b of value at bit b * dims (16 bits in, interleaved for 2 or 3 dimensions).
    private static ulong Spread(uint value, int dims)
    {
        ulong result = 0;
        for (var bit = 0; bit < 16; bit++) result |= (ulong)((value >> bit) & 1) << (bit * dims);
        return result;
    }
}
