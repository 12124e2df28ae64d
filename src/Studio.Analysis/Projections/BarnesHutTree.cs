using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Studio.Analysis.Projections;

/// <summary>
/// A 2^d-ary space-partitioning tree over low-dimensional points: a quadtree in 2D, an octree in 3D. Each cell keeps
/// its point count and centre of mass, so far cells stand in for all their points (Barnes–Hut). Coordinates are held
/// as three components (z = 0 in 2D) in one struct per node, for locality.
/// </summary>
internal sealed class BarnesHutTree
{
    private const int MaxDepth = 48;
    private readonly int dims;
    private readonly int fanout;
    private Node[] nodes;
    private Cell[] cells;
    private int used;

    public BarnesHutTree(int dims, int capacityHint)
    {
        this.dims = dims;
        fanout = 1 << dims;
        nodes = new Node[Math.Max(16, capacityHint * 4)];
        cells = new Cell[nodes.Length];
    }

    /// <summary>A traversal stack large enough for any tree of <see cref="MaxDepth"/>.</summary>
    public int StackSize => (MaxDepth + 2) * fanout;

    /// <summary>Rebuilds the tree over y (n points), inserting them in the given order (a spatial order is faster).</summary>
    public void Build(double[] y, int n, int[] order)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, minZ = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity, maxZ = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var (x, yy, z) = At(y, i);
            (minX, maxX) = (Math.Min(minX, x), Math.Max(maxX, x));
            (minY, maxY) = (Math.Min(minY, yy), Math.Max(maxY, yy));
            (minZ, maxZ) = (Math.Min(minZ, z), Math.Max(maxZ, z));
        }
        used = 0;
        var root = NewNode();
        ref var r = ref cells[root];
        (r.CentreX, r.CentreY, r.CentreZ) = ((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2);
        var width = Math.Max(maxX - minX, Math.Max(maxY - minY, maxZ - minZ));
        r.HalfWidth = width / 2 * (1 + 1e-6) + 1e-12;
        nodes[root].WidthSquared = 4 * r.HalfWidth * r.HalfWidth;
        foreach (var i in order)
        {
            var (x, yy, z) = At(y, i);
            Insert(x, yy, z);
        }
    }

    /// <summary>Repulsive force on a point: adds sum_cells N q^2 (y - com) to <paramref name="force"/>, returns sum_cells N q.</summary>
    public double Repulsion(ReadOnlySpan<double> point, Span<double> force, double thetaSquared, Span<int> stack)
    {
        if (stack.Length < StackSize) throw new ArgumentException("Stack too small.", nameof(stack));
        var px = point[0];
        var py = point[1];
        var pz = dims == 3 ? point[2] : 0;
        double sumQ = 0, fx = 0, fy = 0, fz = 0;
        ref var first = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var stackBase = ref MemoryMarshal.GetReference(stack);
        var top = 0;
        Unsafe.Add(ref stackBase, top++) = 0;
        while (top > 0)
        {
            ref readonly var node = ref Unsafe.Add(ref first, Unsafe.Add(ref stackBase, --top));
            var dx = px - node.MassX;
            var dy = py - node.MassY;
            var dz = pz - node.MassZ;
            var d2 = dx * dx + dy * dy + dz * dz;
            if (node.FirstChild < 0 || node.WidthSquared < thetaSquared * d2)
            {
                if (d2 == 0) continue; // the point itself (or exact duplicates)
                var q = 1.0 / (1.0 + d2);
                var nq = node.Count * q;
                sumQ += nq;
                var nqq = nq * q;
                fx += nqq * dx;
                fy += nqq * dy;
                fz += nqq * dz;
            }
            else
            {
                // Bounds: depth <= MaxDepth, so the stack never holds more than StackSize entries.
                for (var c = node.FirstChild; c < node.FirstChild + fanout; c++)
                    if (Unsafe.Add(ref first, c).Count > 0) Unsafe.Add(ref stackBase, top++) = c;
            }
        }
        force[0] += fx;
        force[1] += fy;
        if (dims == 3) force[2] += fz;
        return sumQ;
    }

    private (double X, double Y, double Z) At(double[] y, int i) =>
        dims == 3 ? (y[3 * i], y[3 * i + 1], y[3 * i + 2]) : (y[2 * i], y[2 * i + 1], 0);

    private void Insert(double x, double y, double z)
    {
        var node = 0;
        for (var depth = 0; ; depth++)
        {
            if (nodes[node].FirstChild < 0)
            {
                // An empty leaf takes the point; a leaf at max depth merges near-duplicates into one mass.
                if (nodes[node].Count == 0 || depth >= MaxDepth)
                {
                    nodes[node].Add(x, y, z);
                    return;
                }
                // The leaf holds one point (its centre of mass): push it down a level, then continue.
                var (ex, ey, ez) = (nodes[node].MassX, nodes[node].MassY, nodes[node].MassZ);
                Subdivide(node);
                nodes[ChildFor(node, ex, ey, ez)].Add(ex, ey, ez);
            }
            nodes[node].Add(x, y, z);
            node = ChildFor(node, x, y, z);
        }
    }

    private void Subdivide(int node)
    {
        var first = used;
        for (var c = 0; c < fanout; c++)
        {
            var child = NewNode();
            ref var parent = ref cells[node];
            ref var n = ref cells[child];
            n.HalfWidth = parent.HalfWidth / 2;
            nodes[child].WidthSquared = 4 * n.HalfWidth * n.HalfWidth;
            n.CentreX = parent.CentreX + ((c & 1) != 0 ? n.HalfWidth : -n.HalfWidth);
            n.CentreY = parent.CentreY + ((c & 2) != 0 ? n.HalfWidth : -n.HalfWidth);
            n.CentreZ = dims == 3 ? parent.CentreZ + ((c & 4) != 0 ? n.HalfWidth : -n.HalfWidth) : 0;
        }
        nodes[node].FirstChild = first;
    }

    private int ChildFor(int node, double x, double y, double z)
    {
        ref readonly var n = ref cells[node];
        var index = (x >= n.CentreX ? 1 : 0) | (y >= n.CentreY ? 2 : 0) | (dims == 3 && z >= n.CentreZ ? 4 : 0);
        return nodes[node].FirstChild + index;
    }

    private int NewNode()
    {
        if (used == nodes.Length)
        {
            Array.Resize(ref nodes, nodes.Length * 2);
            Array.Resize(ref cells, nodes.Length);
        }
        nodes[used] = new Node { FirstChild = -1 };
        return used++;
    }

    // What the force walk reads (40 bytes); the cell geometry used only while building lives in Cell.
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public double MassX, MassY, MassZ;
        public double WidthSquared;
        public int Count;
        public int FirstChild;

        public void Add(double x, double y, double z)
        {
            Count++;
            MassX += (x - MassX) / Count;
            MassY += (y - MassY) / Count;
            MassZ += (z - MassZ) / Count;
        }
    }

    private struct Cell
    {
        public double CentreX, CentreY, CentreZ;
        public double HalfWidth;
    }
}
