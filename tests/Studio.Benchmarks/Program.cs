using BenchmarkDotNet.Running;
using Studio.Benchmarks.Experiments;

// `bench experiments [rows]` runs the experiment readout timing; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "experiments")
{
    return ExperimentReadoutBenchmark.Run(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(ExperimentReadoutBenchmark).Assembly).Run(args);
return 0;
