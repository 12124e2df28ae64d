using System.Diagnostics;
using System.Globalization;
using Studio.Core.SampleData;

namespace Studio.Cli.Commands;

/// <summary>`generate`: parses the options, runs the generator, prints what it wrote.</summary>
internal static class GenerateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? outDir = null;
        var options = new GeneratorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return Usage.Show(output);
            }

            if (i + 1 >= args.Length)
            {
                return Usage.Fail(error, $"option '{name}' needs a value");
            }

            var value = args[++i];
            if (name == "--out")
            {
                outDir = value;
                continue;
            }

            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return Usage.Fail(error, $"option '{name}' needs a whole number, got '{value}'");
            }

            GeneratorOptions? updated = name switch
            {
                "--seed" => options with { Seed = number },
                "--customers" => options with { Customers = number },
                "--products" => options with { Products = number },
                "--events" => options with { TargetEvents = number },
                "--days" => options with { Days = number },
                _ => null,
            };
            if (updated is null)
            {
                return Usage.Fail(error, $"unknown option '{name}'");
            }

            options = updated;
        }

        if (string.IsNullOrWhiteSpace(outDir))
        {
            return Usage.Fail(error, "--out DIR is required");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            return Usage.Fail(error, Describe(ex));
        }

        var clock = Stopwatch.StartNew();
        var summary = RetailDataGenerator.WriteTo(outDir, options);
        Print(output, summary, clock.Elapsed);
        return 0;
    }

    /// <summary>Speaks in command-line flags rather than option property names.</summary>
    private static string Describe(ArgumentException ex)
    {
        var flag = ex.ParamName switch
        {
            nameof(GeneratorOptions.TargetEvents) => "--events",
            null => "options",
            var property => "--" + property.ToLowerInvariant(),
        };
        var reason = ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
        return reason.StartsWith(ex.ParamName ?? "\0", StringComparison.Ordinal)
            ? flag + reason[ex.ParamName!.Length..]
            : reason;
    }

    private static void Print(TextWriter output, GeneratedSummary s, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Wrote retail sample data to {Path.GetFullPath(s.OutputDirectory)} in {elapsed.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(c, $"  seed {s.Options.Seed}, {s.Options.Days} days from {s.Options.Start:yyyy-MM-dd}"));
        output.WriteLine(string.Create(c, $"  customers   {s.Customers,10:N0}   (purchased_next_30d = 1: {s.PositiveLabelShare:P1}, mean true propensity {s.MeanTruePropensity:F4})"));
        output.WriteLine(string.Create(c, $"  products    {s.Products,10:N0}"));
        output.WriteLine(string.Create(c, $"  events      {s.Events,10:N0}   ({string.Join(", ", s.EventsByType.Select(kv => string.Create(c, $"{kv.Key} {kv.Value:N0}")))})"));
        output.WriteLine(string.Create(c, $"  offers      {s.OfferLogRows,10:N0}"));
        output.WriteLine(string.Create(c, $"  experiments {s.ExperimentRows,10:N0}"));
        foreach (var file in s.Files)
        {
            var length = new FileInfo(Path.Combine(s.OutputDirectory, file)).Length;
            output.WriteLine(string.Create(c, $"  {file,-30} {length / 1024.0,10:N1} KiB"));
        }
    }
}
