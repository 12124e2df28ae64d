namespace Studio.Core.SampleData;

/// <summary>
/// What <see cref="RetailDataGenerator"/> produces. The same options (seed included) always give
/// byte-identical files.
/// </summary>
/// <param name="Seed">Seeds every random stream; change it for a different but equally shaped data set.</param>
/// <param name="Customers">Number of customers (rows of customers.csv).</param>
/// <param name="Products">Number of products (rows of products.csv); at least 40.</param>
/// <param name="TargetEvents">Approximate number of events; the actual count lands within a few percent.</param>
/// <param name="Days">Length of the observed window that starts at <see cref="Start"/>.</param>
public sealed record GeneratorOptions(
    int Seed = 42,
    int Customers = 5000,
    int Products = 300,
    int TargetEvents = 100_000,
    int Days = 180)
{
    /// <summary>First day (UTC) of the observed window. Every customer signed up before it.</summary>
    public DateOnly Start { get; init; } = new(2025, 1, 1);

    /// <summary>Requested number of planted trigger → target product pairs.</summary>
    public int TriggerPairs { get; init; } = 20;

    /// <summary>Pairs actually planted: <see cref="TriggerPairs"/>, capped at Products / 8 so pairs stay distinct popular products.</summary>
    public int EffectiveTriggerPairs => Math.Min(TriggerPairs, Products / 8);

    /// <summary>Mean number of campaign sends per customer in offers.csv (Poisson).</summary>
    public double OfferSendsPerCustomer { get; init; } = 2.0;

    /// <summary>The first day after the observed window: purchased_next_30d looks 30 days from here.</summary>
    public DateOnly End => Start.AddDays(Days);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        Require(Customers is >= 10 and <= 10_000_000, nameof(Customers), "must be between 10 and 10,000,000");
        Require(Products is >= 40 and <= 99_999, nameof(Products), "must be between 40 and 99,999");
        Require(TargetEvents is >= 100 and <= 500_000_000, nameof(TargetEvents), "must be between 100 and 500,000,000");
        Require(Days is >= 60 and <= 3650, nameof(Days), "must be between 60 and 3650 (experiments need the room)");
        Require(TriggerPairs is >= 0 and <= 10_000, nameof(TriggerPairs), "must be between 0 and 10,000");
        Require(OfferSendsPerCustomer is >= 0 and <= 100, nameof(OfferSendsPerCustomer), "must be between 0 and 100");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}.", name);
        }
    }
}
