using System.Text.Json;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Analysis.UnitTests.Experiments;

public class ReadoutJsonTests
{
    [Fact]
    public void Serialize_ReadoutWithInfiniteDf_WritesNullForNonFiniteAndNamesMetricsByColumn()
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("json", 5_000,
            [new SyntheticArm("control", 1, 0.1, 10), new SyntheticArm("treatment", 1, 0.12, 10)], Seed: 1));
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("json", "control"));
        var json = JsonSerializer.Serialize(readout, ExperimentJson.Options);
        // The z-test's df is +Infinity: written as null, never as a non-JSON literal or a string.
        Assert.Contains("\"degreesOfFreedom\":null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"converted\",\"kind\":\"Proportion\",\"role\":\"Primary\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"revenue\",\"kind\":\"Mean\"", json, StringComparison.Ordinal);
        Assert.Contains("\"canShip\":true", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("arms").GetArrayLength());
    }
}
