using System.Globalization;
using BenchmarkDotNet.Running;
using Studio.Benchmarks;
using Studio.Benchmarks.Bank;
using Studio.Benchmarks.Experiments;
using Studio.Benchmarks.Ingest;
using Studio.Benchmarks.Load;
using Studio.Benchmarks.Sequences;
using Studio.Benchmarks.Throughput;

// dotnet run -c Release --project tests/Studio.Benchmarks -- COMMAND ...
//   ingest FILE [--stage all|sep|parse|import|profile] [--rows N] [--repeat N] [--ablate]   (FILE is generated when missing)
//   gen-events FILE [ROWS]
//   train-throughput [--rows N] [--epochs N] [--threads N] [--repeat N] [--part pipeline|bare]
//   bank [--csv PATH] [--threads N] [--only NAME] [--split-out split.json]
//   memory-probe [--fixed]
//   experiments [rows]
//   sequences [--events PATH --products PATH --triggers PATH] [--customers N] [--epochs N] [--max-length T]
//   projections|pca|tsne|umap [--rows N] [--skip-sklearn]
//   load [--app PATH/Studio.Web.dll] [--clients 20] [--seconds 30] [--requests 600]   (loopback HTTP, starts and stops the app)
// anything else goes to BenchmarkDotNet's switcher.
return args switch
{
    ["ingest", var file, .. var rest] => await IngestBenchmark.RunAsync(file, IngestBenchmark.Options.Parse(rest)),
    ["gen-events", var file] => EventsCsvGenerator.WriteAndSay(file, EventsCsvGenerator.DefaultRows),
    ["gen-events", var file, var rows] => EventsCsvGenerator.WriteAndSay(file, int.Parse(rows, CultureInfo.InvariantCulture)),
    ["experiments", .. var rest] => ExperimentReadoutBenchmark.Run(rest, Console.Out),
    [var command and ("projections" or "pca" or "tsne" or "umap"), .. var rest] => await ProjectionBenchmarks.RunAsync(command, rest),
    ["sequences", .. var rest] => SequenceBenchmark.Run(rest, Console.Out),
    ["train-throughput", .. var rest] => ThroughputBenchmark.Run(rest),
    ["bank", .. var rest] => BankBenchmark.Run(rest),
    ["memory-probe", .. var rest] => MemoryProbe.Run(rest),
    ["load", .. var rest] => await ConcurrencyLoadTest.RunAsync(rest),
    _ => RunSwitcher(args),
};

static int RunSwitcher(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
    return 0;
}
