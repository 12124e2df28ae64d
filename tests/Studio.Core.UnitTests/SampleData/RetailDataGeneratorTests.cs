using System.Globalization;
using Studio.Core.SampleData;

namespace Studio.Core.UnitTests.SampleData;

public sealed class RetailDataGeneratorTests : IDisposable
{
    private static readonly GeneratorOptions Small = new(Seed: 11, Customers: 300, Products: 60, TargetEvents: 6000, Days: 90);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "studio-gen-det-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void WriteTo_SameSeedTwice_EveryFileIsByteIdentical()
    {
        var first = RetailDataGenerator.WriteTo(Path.Combine(_root, "a"), Small);
        RetailDataGenerator.WriteTo(Path.Combine(_root, "b"), Small);

        Assert.Equal(11, first.Files.Count);
        foreach (var file in first.Files)
        {
            var a = File.ReadAllBytes(Path.Combine(_root, "a", file));
            var b = File.ReadAllBytes(Path.Combine(_root, "b", file));
            Assert.True(a.Length > 0, file);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between two runs with the same seed");
        }
    }

    [Fact]
    public void WriteTo_DifferentSeed_DataFilesDiffer()
    {
        RetailDataGenerator.WriteTo(Path.Combine(_root, "a"), Small);
        RetailDataGenerator.WriteTo(Path.Combine(_root, "b"), Small with { Seed = 12 });

        foreach (var file in new[] { "customers.csv", "products.csv", "events.csv", "offers.csv", "experiments.csv", "truth/customers_truth.csv", "truth/triggers.csv" })
        {
            var a = File.ReadAllBytes(Path.Combine(_root, "a", file));
            var b = File.ReadAllBytes(Path.Combine(_root, "b", file));
            Assert.False(a.AsSpan().SequenceEqual(b), $"{file} is identical for seeds 11 and 12");
        }
    }

    [Fact]
    public void WriteTo_UnderACommaDecimalCulture_WritesTheSameBytes()
    {
        RetailDataGenerator.WriteTo(Path.Combine(_root, "invariant"), Small);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            RetailDataGenerator.WriteTo(Path.Combine(_root, "german"), Small);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        foreach (var file in RetailDataGenerator.Files)
        {
            var a = File.ReadAllBytes(Path.Combine(_root, "invariant", file));
            var b = File.ReadAllBytes(Path.Combine(_root, "german", file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} depends on the current culture");
        }

        Assert.Contains(",0.00,", File.ReadAllText(Path.Combine(_root, "german", "events.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_Progress_RisesMonotonicallyToOne()
    {
        var reports = new List<double>();
        RetailDataGenerator.WriteTo(Path.Combine(_root, "p"), Small, new SynchronousProgress(reports.Add));

        Assert.True(reports.Count >= Small.Days, $"only {reports.Count} progress reports");
        Assert.Equal(1.0, reports[^1]);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void WriteTo_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RetailDataGenerator.WriteTo(Path.Combine(_root, "c"), Small, ct: cts.Token));
    }

    [Theory]
    [InlineData(5, 300, 1000, 90, "Customers")]
    [InlineData(100, 39, 1000, 90, "Products")]
    [InlineData(100, 300, 50, 90, "TargetEvents")]
    [InlineData(100, 300, 1000, 10, "Days")]
    public void WriteTo_OutOfRangeOption_ThrowsNamingIt(int customers, int products, int events, int days, string name)
    {
        var options = new GeneratorOptions(Customers: customers, Products: products, TargetEvents: events, Days: days);

        var ex = Assert.Throws<ArgumentException>(() => RetailDataGenerator.WriteTo(Path.Combine(_root, "x"), options));

        Assert.Equal(name, ex.ParamName);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    [Fact]
    public void GeneratorOptions_Defaults_MatchTheDocumentedDemoSet()
    {
        var options = new GeneratorOptions();

        Assert.Equal((42, 5000, 300, 100_000, 180), (options.Seed, options.Customers, options.Products, options.TargetEvents, options.Days));
        Assert.Equal(new DateOnly(2025, 1, 1), options.Start);
        Assert.Equal(new DateOnly(2025, 6, 30), options.End);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one records in order.</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
