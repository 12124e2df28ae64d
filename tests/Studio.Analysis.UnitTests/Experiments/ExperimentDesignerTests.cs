using Studio.Analysis.Experiments.Stored;

namespace Studio.Analysis.UnitTests.Experiments;

public class ExperimentDesignerTests
{
    private static ExperimentDesign Design(int seed = 42) =>
        new(1, "customer_id", [new DesignArm("control", 1), new DesignArm("treatment", 3)], 0.1, seed, "a");

    [Fact]
    public void Assign_WeightsAndHoldout_ExactBlockSizes()
    {
        var variants = ExperimentDesigner.Assign(1000, Design());
        Assert.Equal(100, variants.Count(v => v == "holdout"));
        Assert.Equal(225, variants.Count(v => v == "control"));
        Assert.Equal(675, variants.Count(v => v == "treatment"));
    }

    [Fact]
    public void Assign_SameSeed_SameListAndOtherSeedDiffers()
    {
        Assert.Equal(ExperimentDesigner.Assign(500, Design()), ExperimentDesigner.Assign(500, Design()));
        Assert.NotEqual(ExperimentDesigner.Assign(500, Design()), ExperimentDesigner.Assign(500, Design(7)));
    }

    [Fact]
    public void Validate_SingleArmAndFullHoldout_BothReported()
    {
        var problems = ExperimentDesigner.Validate(Design() with { Arms = [new DesignArm("control", 1)], HoldoutShare = 1 });
        Assert.Equal(2, problems.Count);
    }
}
