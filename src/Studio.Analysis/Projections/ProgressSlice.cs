namespace Studio.Analysis.Projections;

/// <summary>Maps a stage's 0..1 progress onto [start, start + length] of the caller's progress, synchronously.</summary>
public sealed class ProgressSlice(IProgress<double>? outer, double start, double length) : IProgress<double>
{
    public static IProgress<double>? Of(IProgress<double>? outer, double start, double length) =>
        outer == null ? null : new ProgressSlice(outer, start, length);

    public void Report(double value) => outer?.Report(start + length * Math.Clamp(value, 0, 1));
}
