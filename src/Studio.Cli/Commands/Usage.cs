namespace Studio.Cli.Commands;

internal static class Usage
{
    public const int BadArguments = 2;

    public const string Text = """
        usage: studio-cli generate --out DIR [--seed N] [--customers N] [--products N] [--events N] [--days N]

          --out DIR        output folder (created if missing; existing files are overwritten)
          --seed N         random seed (default 42); the same seed gives byte-identical files
          --customers N    customers (default 5000)
          --products N     products (default 300, at least 40)
          --events N       approximate number of events (default 100000)
          --days N         length of the observed window in days (default 180)
        """;

    public static int Show(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Text);
        return 0;
    }

    public static int Fail(TextWriter error, string message)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"error: {message}");
        error.WriteLine(Text);
        return BadArguments;
    }
}
