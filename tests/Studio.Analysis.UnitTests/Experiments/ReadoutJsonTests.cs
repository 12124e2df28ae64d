using System.Text.Json;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Input;
using Studio.Analysis.Experiments.Readout;

namespace Studio.Analysis.UnitTests.Experiments;

public class ReadoutJsonTests
{
    [Fact]
    public void Serialize_ReadoutWithInfiniteDf_WritesNamedLiteralsAndEnumNames()
    {
        var log = SyntheticExperiment.Generate(new SyntheticExperimentSpec("json", 5_000,
            [new SyntheticArm("control", 1, 0.1, 10), new SyntheticArm("treatment", 1, 0.12, 10)], Seed: 1));
        var readout = new ExperimentAnalyzer().Analyze(log, new ExperimentSpec("json", "control"));
        var json = JsonSerializer.Serialize(readout, ExperimentJson.Options);
        Assert.Contains("\"degreesOfFreedom\":\"Infinity\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"Conversion\"", json, StringComparison.Ordinal);
        Assert.Contains("\"canShip\":true", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("arms").GetArrayLength());
    }
}
