namespace Studio.Analysis.Projections;

/// <summary>An immutable dense matrix of points, one point per row, stored row-major.</summary>
public sealed class PointMatrix
{
    private readonly double[] values;

    public PointMatrix(int rows, int columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"Expected {rows} x {columns} values, got {values.Length}.", nameof(values));
        Rows = rows;
        Columns = columns;
        this.values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>All values, row-major (row i occupies [i*Columns, (i+1)*Columns)).</summary>
    public ReadOnlySpan<double> Values => values;

    public ReadOnlySpan<double> Row(int index) => values.AsSpan(index * Columns, Columns);

    public double this[int row, int column] => values[row * Columns + column];

    /// <summary>Copies jagged rows (all the same length) into a matrix.</summary>
    public static PointMatrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0) throw new ArgumentException("At least one row is needed.", nameof(rows));
        var columns = rows[0].Length;
        var data = new double[rows.Count * columns];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns) throw new ArgumentException($"Row {i} has {rows[i].Length} values, expected {columns}.", nameof(rows));
            rows[i].CopyTo(data, i * columns);
        }
        return new PointMatrix(rows.Count, columns, data);
    }

    /// <summary>Converts single-precision rows (e.g. an embedding table) without an intermediate copy per row.</summary>
    public static PointMatrix FromSingles(int rows, int columns, ReadOnlySpan<float> values)
    {
        var data = new double[values.Length];
        for (var i = 0; i < data.Length; i++) data[i] = values[i];
        return new PointMatrix(rows, columns, data);
    }

    /// <summary>Copies rows selected by index, e.g. a sample.</summary>
    public PointMatrix SelectRows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var data = new double[indices.Count * Columns];
        for (var i = 0; i < indices.Count; i++) Row(indices[i]).CopyTo(data.AsSpan(i * Columns, Columns));
        return new PointMatrix(indices.Count, Columns, data);
    }
}
