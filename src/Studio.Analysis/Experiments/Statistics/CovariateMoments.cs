namespace Studio.Analysis.Experiments.Statistics;

/// <summary>Sufficient statistics of a metric Y and a pre-period covariate X over one group of units.</summary>
public readonly record struct CovariateMoments(long N, double SumY, double SumY2, double SumX, double SumX2, double SumXY)
{
    public double MeanY => SumY / N;
    public double MeanX => SumX / N;
    public double VarianceY => (SumY2 - SumY * SumY / N) / (N - 1);
    public double VarianceX => (SumX2 - SumX * SumX / N) / (N - 1);
    public double Covariance => (SumXY - SumX * SumY / N) / (N - 1);

    public static CovariateMoments operator +(CovariateMoments a, CovariateMoments b) =>
        new(a.N + b.N, a.SumY + b.SumY, a.SumY2 + b.SumY2, a.SumX + b.SumX, a.SumX2 + b.SumX2, a.SumXY + b.SumXY);

    public static CovariateMoments Add(CovariateMoments a, CovariateMoments b) => a + b;

    public static CovariateMoments FromValues(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        var m = default(CovariateMoments);
        for (var i = 0; i < y.Length; i++)
        {
            m = new CovariateMoments(m.N + 1, m.SumY + y[i], m.SumY2 + y[i] * y[i], m.SumX + x[i], m.SumX2 + x[i] * x[i], m.SumXY + x[i] * y[i]);
        }

        return m;
    }
}
