namespace Studio.Core.SampleData.Experiments;

/// <param name="ConversionLift">Absolute conversion lift for an average segment (multiplied per segment).</param>
/// <param name="OrderValueMultiplier">Scales every order of a converted user in this arm.</param>
internal sealed record ExperimentArm(string Name, double ConversionLift, double OrderValueMultiplier);

/// <summary>
/// One planted A/B test. Units are assigned uniformly at random across arms; a share of the last
/// arm's units can be lost from the log (<see cref="DroppedLastArmShare"/>) to plant a sample-ratio
/// mismatch. <see cref="SegmentLiftMultiplier"/> makes the treatment effect differ by segment.
/// </summary>
internal sealed record ExperimentDesign(
    string Name,
    double StartFraction,
    int AssignmentDays,
    double Eligibility,
    double DroppedLastArmShare,
    IReadOnlyList<ExperimentArm> Arms,
    IReadOnlyList<double> SegmentLiftMultiplier)
{
    public static IReadOnlyList<ExperimentDesign> All { get; } =
    [
        new("checkout_redesign", 0.40, 14, 1.0, 0.0,
            [new("control", 0, 1.0), new("variant_a", 0.015, 1.0), new("variant_b", 0.03, 1.03)],
            [0.5, 1.8, 1.2, 1.0, 0.6, 1.0]),
        new("free_shipping_banner", 0.65, 14, 0.8, 0.15,
            [new("control", 0, 1.0), new("treatment", 0.02, 0.97)],
            [2.0, 0.3, 1.2, 0.8, 1.0, 0.4]),
    ];

    public double Lift(int arm, int segment) => Arms[arm].ConversionLift * SegmentLiftMultiplier[segment];
}
