using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using Studio.Analysis.Ingest;
using Studio.Analysis.Ingest.Inference;
using Studio.Data.Datasets;

namespace Studio.Benchmarks.Ingest;

/// <summary>
/// Where parse+type time goes: the same file read through Sep from a StreamReader, then with typed parsing of every
/// cell, then with distinct counting added. Each layer's CPU time minus the previous one is that layer's cost.
/// </summary>
internal static class IngestAblation
{
    public static void Run(string file, ImportReport report, IDatasetImporter importer)
    {
        Time("open, sniff, sample, infer", () => importer.SniffAsync(file).GetAwaiter().GetResult().SampledRows);
        var parsers = report.Columns.Select(c => new ColumnValueParser(c.Type, c.Inferred.NumberFormat, c.Inferred.DateFamily)).ToArray();
        Time("sep via StreamReader, fields touched", () => Read(file, parsers, typed: false, distinct: false));
        Time("+ typed parse of every cell", () => Read(file, parsers, typed: true, distinct: false));
        Time("+ distinct hashing", () => Read(file, parsers, typed: true, distinct: true));
    }

    private static void Time(string stage, Func<long> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var rows = run();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ablation {stage}: {rows:N0} rows, {watch.Elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU"));
    }

    private static long Read(string file, ColumnValueParser[] parsers, bool typed, bool distinct)
    {
        using var text = new StreamReader(file, System.Text.Encoding.UTF8, false, 1 << 16);
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = false }).From(text);
        var sink = new NullRowSink();
        var counters = parsers.Select(_ => new DistinctCounter()).ToArray();
        long rows = 0, chars = 0;
        foreach (var row in reader)
        {
            for (var i = 0; i < parsers.Length; i++)
            {
                var span = row[i].Span;
                chars += span.Length;
                if (typed) parsers[i].Parse(span, i, sink);
                if (distinct) counters[i].Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(span)));
            }
            rows++;
        }
        return chars > 0 ? rows : 0;
    }
}
