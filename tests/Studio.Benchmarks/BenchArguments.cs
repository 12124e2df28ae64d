using System.Globalization;

namespace Studio.Benchmarks;

/// <summary>Reads "--name value" pairs.</summary>
internal sealed class BenchArguments(string[] args)
{
    public string? Text(string name)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public int Integer(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
