using Studio.Benchmarks.Bank;
using Studio.Benchmarks.Throughput;

// bench train-throughput [--rows N] [--epochs N] [--threads N] [--repeat N] [--part pipeline|bare]
// bench bank [--csv PATH] [--threads N] [--only NAME] [--split-out split.json]
// bench memory-probe [--fixed]
return args.FirstOrDefault() switch
{
    "train-throughput" => ThroughputBenchmark.Run(args[1..]),
    "bank" => BankBenchmark.Run(args[1..]),
    "memory-probe" => MemoryProbe.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Studio.Benchmarks train-throughput [--rows 1000000] [--epochs 2] [--threads 2] | bank [--csv path]");
    return 2;
}
