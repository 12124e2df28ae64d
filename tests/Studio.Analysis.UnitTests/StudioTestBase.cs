using Studio.Analysis.Ingest;

namespace Studio.Analysis.UnitTests;

/// <summary>A fresh database per test (xunit makes one class instance per test).</summary>
public abstract class StudioTestBase(IngestOptions? options = null) : IAsyncLifetime
{
    protected StudioFixture Studio { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Studio = await StudioFixture.CreateAsync(options);
    public async Task DisposeAsync() => await Studio.DisposeAsync();
}
