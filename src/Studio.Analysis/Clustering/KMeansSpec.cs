namespace Studio.Analysis.Clustering;

/// <summary>k-means parameters.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Restarts">Independent k-means++ starts; the run with the lowest inertia wins (sklearn's n_init).</param>
/// <param name="MaxIterations">Lloyd iterations per start.</param>
/// <param name="Tolerance">Stop when centroids move less than this (squared, relative to the data's mean variance).</param>
/// <param name="Seed">Seeds every start; the result is deterministic for a seed.</param>
public sealed record KMeansSpec(int K, int Restarts = 10, int MaxIterations = 300, double Tolerance = 1e-4, int Seed = 0);

/// <summary>A fitted k-means: labels per row, centroids row-major (K x columns), inertia (sum of squared distances).</summary>
public sealed record KMeansResult(int K, IReadOnlyList<int> Labels, IReadOnlyList<double> Centroids, double Inertia, int Iterations);

/// <summary>One point of an elbow/silhouette chart for choosing k.</summary>
public sealed record KChoice(int K, double Inertia, double Silhouette);
