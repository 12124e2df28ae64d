using System.Diagnostics;
using Studio.Ml.Training;
using TorchSharp;

namespace Studio.Benchmarks.Throughput;

/// <summary>
/// `bench memory-probe [--fixed]`: resident memory after each of three bare-loop runs over 270k rows, with or
/// without <see cref="NativeMemory.ReturnLargeBuffersToTheSystem"/>. Shows glibc heap growth that is not a tensor leak.
/// </summary>
internal static class MemoryProbe
{
    public static int Run(string[] args)
    {
        var applyFix = args.Contains("--fixed");
        if (applyFix)
        {
            NativeMemory.ReturnLargeBuffersToTheSystem();
        }

        torch.set_num_threads(1);
        var (codes, labels) = ThroughputData.Generate(300_000, seed: 1);
        for (var run = 1; run <= 3; run++)
        {
            BareLoop.SamplesPerSecond(codes, labels, 270_000, 1);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"memory-probe{(applyFix ? " --fixed" : "")} run {run}: resident {process.WorkingSet64 / 1048576} MB");
        }

        return 0;
    }
}
