namespace Studio.Core.SampleData.Events;

/// <summary>
/// Per-customer running state while events stream: the pending trigger, and the recent behaviour
/// that later feeds the true purchase propensity. Arrays, so a million customers stay compact.
/// </summary>
internal sealed class CustomerBehaviour
{
    public CustomerBehaviour(int customers)
    {
        Purchases = new int[customers];
        LastPurchaseDay = new int[customers];
        Array.Fill(LastPurchaseDay, -1);
        Spend = new double[customers];
        SessionsLast30Days = new int[customers];
        LastSessionEnd = new long[customers];
        PendingTarget = new int[customers];
        Array.Fill(PendingTarget, -1);
        PendingRemaining = new int[customers];
        PendingUntilDay = new int[customers];
        PendingStep = new double[customers];
        PendingReinforce = new double[customers];
    }

    public int[] Purchases { get; }

    /// <summary>Day index (0-based in the window) of the latest purchase, -1 if none.</summary>
    public int[] LastPurchaseDay { get; }

    public double[] Spend { get; }

    public int[] SessionsLast30Days { get; }

    /// <summary>Seconds since the window start at which the customer's latest session ended.</summary>
    public long[] LastSessionEnd { get; }

    public int[] PendingTarget { get; }

    public int[] PendingRemaining { get; }

    public int[] PendingUntilDay { get; }

    public double[] PendingStep { get; }

    public double[] PendingReinforce { get; }

    public void ClearPending(int customer)
    {
        PendingTarget[customer] = -1;
        PendingRemaining[customer] = 0;
    }
}
