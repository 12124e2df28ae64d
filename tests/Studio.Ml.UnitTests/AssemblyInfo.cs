// libtorch's random generator and thread count are process-wide: tests that train run one at a time so that
// seeded runs are reproducible (the training worker likewise runs one job at a time by default).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
