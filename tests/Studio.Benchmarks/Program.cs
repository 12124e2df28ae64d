using System.Globalization;
using BenchmarkDotNet.Running;
using Studio.Benchmarks.Ingest;

// bench ingest FILE [--stage all|parse|import|profile] [--rows N]   (FILE is generated when missing)
// bench gen-events FILE [ROWS]
// anything else goes to BenchmarkDotNet's switcher.
return args switch
{
    ["ingest", var file, .. var rest] => await IngestBenchmark.RunAsync(file, IngestBenchmark.Options.Parse(rest)),
    ["gen-events", var file] => EventsCsvGenerator.WriteAndSay(file, EventsCsvGenerator.DefaultRows),
    ["gen-events", var file, var rows] => EventsCsvGenerator.WriteAndSay(file, int.Parse(rows, CultureInfo.InvariantCulture)),
    _ => RunSwitcher(args),
};

static int RunSwitcher(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
    return 0;
}
