using Studio.Benchmarks.Sequences;

// bench sequences [--events PATH --products PATH --triggers PATH] [--customers N] [--epochs N] [--max-length T] ...
return args.FirstOrDefault() switch
{
    "sequences" => SequenceBenchmark.Run(args[1..], Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Studio.Benchmarks sequences [--events events.csv --products products.csv --triggers triggers.csv] [--customers 3000] [--epochs 10]");
    return 2;
}
