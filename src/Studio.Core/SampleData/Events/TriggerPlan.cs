using Studio.Core.SampleData.Products;
using Studio.Core.SampleData.Randomness;
using Studio.Core.SampleData.Segments;

namespace Studio.Core.SampleData.Events;

/// <param name="StepProbability">Chance that each interaction inside the window is the planted target (events stream).</param>
/// <param name="ReinforceProbability">
/// Extra chance, drawn from the separate "trigger-reinforcement" stream, that an interaction the events stream did not
/// plant is swapped for the target anyway; see <see cref="TriggerPlan"/>.
/// </param>
/// <param name="CombinedStepProbability">Intended per-interaction chance of the target inside the window, both streams together.</param>
internal sealed record TriggerPair(int Trigger, int Target, double StepProbability, double ReinforceProbability, double CombinedStepProbability);

/// <summary>
/// Planted sequential structure for the attention model: after any interaction with a trigger
/// product, each of the customer's next <see cref="WindowInteractions"/> interactions (within
/// <see cref="WindowDays"/> days) is the target product with the pair's step probability, chosen so
/// the target becomes <see cref="TargetLift"/> times as likely to appear in the window as it is
/// after an arbitrary interaction. A second, separately seeded stream then raises that to
/// <see cref="ReinforcedLift"/>: it only swaps the product of an interaction the events stream already
/// drew (keeping every draw of that stream), so purchases, sessions, customers.csv and every other file
/// stay byte-identical to the data generated before the reinforcement existed. At lift 10 the planted
/// signal was too weak for a sequence model to attend to (about 1.2x the weight of other events).
/// </summary>
internal sealed class TriggerPlan
{
    public const int WindowInteractions = 5;
    public const int WindowDays = 30;
    public const double TargetLift = 10.0;
    public const double ReinforcedLift = 40.0;

    /// <summary>About 40 % of picks fall outside a segment's favourite categories, the only ones reinforcement swaps.</summary>
    private const double SwappableShare = 0.4;
    private const double MaxStepProbability = 0.5;

    private readonly TriggerPair?[] _pairOf;

    private TriggerPlan(IReadOnlyList<TriggerPair> pairs, int productCount)
    {
        Pairs = pairs;
        _pairOf = new TriggerPair?[productCount];
        foreach (var pair in pairs)
        {
            _pairOf[pair.Trigger] = pair;
        }
    }

    public IReadOnlyList<TriggerPair> Pairs { get; }

    /// <summary>The pair whose trigger is <paramref name="product"/>, or null.</summary>
    public TriggerPair? PairOf(int product) => _pairOf[product];

    /// <summary>
    /// Triggers and targets both come from the more popular half, so pairs occur often enough to
    /// learn from at 100k events; each target is in a different category than its trigger (a
    /// cross-sell, not a lookalike).
    /// </summary>
    public static TriggerPlan Create(
        IReadOnlyList<Product> products, ProductChooser chooser, int pairCount, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(chooser);
        ArgumentNullException.ThrowIfNull(random);
        var reach = products.Select(p => BaselineInteractionProbability(chooser, p)).ToArray();
        var popularHalf = products.OrderByDescending(p => reach[p.Index]).ThenBy(p => p.Index)
            .Take(products.Count / 2).Select(p => p.Index).ToList();
        var used = new HashSet<int>();
        var pairs = new List<TriggerPair>(pairCount);
        while (pairs.Count < pairCount)
        {
            var trigger = PickUnused(popularHalf, used, _ => true, random)
                ?? throw new InvalidOperationException("Not enough products for the requested trigger pairs.");
            bool OtherCategory(int p) => products[p].Category != products[trigger].Category;
            var target = PickUnused(popularHalf, used, OtherCategory, random)
                ?? PickUnused(products.Select(p => p.Index).ToList(), used, OtherCategory, random)
                ?? throw new InvalidOperationException("Not enough products for the requested trigger pairs.");
            var step = StepFor(reach[target], TargetLift);
            var combined = StepFor(reach[target], ReinforcedLift);
            var reinforce = Math.Round(Math.Clamp((1 - ((1 - combined) / (1 - step))) / SwappableShare, 0, 0.95), 4, MidpointRounding.AwayFromZero);
            pairs.Add(new TriggerPair(trigger, target, step, reinforce, combined));
        }

        return new TriggerPlan(pairs, products.Count);
    }

    private static int? PickUnused(List<int> candidates, HashSet<int> used, Func<int, bool> allowed, SeededRandom random)
    {
        var open = candidates.Where(p => !used.Contains(p) && allowed(p)).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var pick = open[random.NextInt(open.Count)];
        used.Add(pick);
        return pick;
    }

    /// <summary>P(target in window) without the trigger: 1 - (1 - q)^W.</summary>
    public static double WindowProbability(double q) => 1 - Math.Pow(1 - q, WindowInteractions);

    /// <summary>P(target in window) after the trigger: 1 - ((1 - p)(1 - q))^W.</summary>
    public static double PlantedWindowProbability(double q, double step) =>
        1 - Math.Pow((1 - step) * (1 - q), WindowInteractions);

    /// <summary>Solves PlantedWindowProbability(q, p) = lift * WindowProbability(q) for p, rounded to 4 places.</summary>
    private static double StepFor(double q, double lift)
    {
        var wanted = Math.Min(0.95, lift * WindowProbability(q));
        var step = 1 - (Math.Pow(1 - wanted, 1.0 / WindowInteractions) / (1 - q));
        return Math.Round(Math.Clamp(step, 0.0, MaxStepProbability), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>Chance that one interaction of a random customer picks the product, absent any trigger.</summary>
    public static double BaselineInteractionProbability(ProductChooser chooser, Product product)
    {
        ArgumentNullException.ThrowIfNull(chooser);
        return SegmentCatalog.All.Sum(s => s.Share * chooser.InteractionProbability(s, product));
    }
}
