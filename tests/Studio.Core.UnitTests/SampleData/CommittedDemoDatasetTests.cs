using Studio.Core.SampleData;

namespace Studio.Core.UnitTests.SampleData;

/// <summary>sample-datasets/retail-demo must be exactly what the generator writes with default options.</summary>
public sealed class CommittedDemoDatasetTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "studio-gen-demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void RetailDemo_DefaultOptions_RegenerateTheCommittedFilesByteForByte()
    {
        var committed = Path.Combine(RepositoryRoot(), "sample-datasets", "retail-demo");

        var summary = RetailDataGenerator.WriteTo(_output, new GeneratorOptions());

        foreach (var file in summary.Files)
        {
            var expected = File.ReadAllBytes(Path.Combine(committed, file));
            var actual = File.ReadAllBytes(Path.Combine(_output, file));
            Assert.True(expected.AsSpan().SequenceEqual(actual),
                $"{file} no longer matches the generator: regenerate with `dotnet run --project src/Studio.Cli -- generate --out sample-datasets/retail-demo`");
        }

        Assert.True(new DirectoryInfo(committed).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) < 10_000_000);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Studio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Studio.sln not found above the test output folder.");
    }
}
