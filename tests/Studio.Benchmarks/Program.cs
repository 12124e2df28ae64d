using BenchmarkDotNet.Running;
using Studio.Benchmarks.Sequences;

// One line per command-line benchmark; anything else goes to BenchmarkDotNet.
if (args is ["sequences", ..])
{
    return SequenceBenchmark.Run(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(SequenceBenchmark).Assembly).Run(args);
return 0;
