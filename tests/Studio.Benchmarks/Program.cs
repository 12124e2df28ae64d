using Studio.Benchmarks;

// Subcommands: each benchmark family lives in its own file and gets one dispatch line here.
var command = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return command switch
{
    "projections" or "pca" or "tsne" or "umap" => await ProjectionBenchmarks.RunAsync(command, rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Studio.Benchmarks <projections|pca|tsne|umap> [--rows N] [--skip-sklearn]");
    return 2;
}
